# Messages shared by every command. Ids are kebab-case, prefixed by their area.

# The catalog's own test: a placeable and the English plural.
i18n-selftest = { $name }: { $count ->
    [one] { $count } file
   *[other] { $count } files
}

# How a finding or an error is headed (diag).
diag-error = error
diag-warning = warning
diag-help = help:
diag-hint = hint:
diag-error-prefix = error:{" "}

# Errors that stop a file or a run (error::Error).
error-read = cannot read { $path }: { $why }
error-not-utf8 = { $path } is not UTF-8 text (first bad byte at line { $line }, column { $column }); save it as UTF-8
error-typst = the template { $template } failed to compile
error-render = { $format } export failed: { $message }
error-manifest = { $path }: not a report manifest ({ $message })
error-previous = --previous: { $why }
error-write = cannot write { $path }: { $why }

# Input and output errors, said plainly.
io-not-found = no such file or folder
io-permission-denied = permission denied
io-is-a-folder = it is a folder, not a file
io-not-a-folder = a part of the path is a file, not a folder
io-already-exists = it already exists
io-storage-full = the disk is full
io-read-only = the disk is read-only

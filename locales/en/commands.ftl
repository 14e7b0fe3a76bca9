# What the commands print as they go (cmd).

render-not-rendered = { $file }: not rendered, fix the errors above first
render-pages = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
render-with-errors-mark = { $first ->
    [1] rendered with errors (--allow-errors)
   *[other] , rendered with errors (--allow-errors)
}
render-rendered-with-errors = { $file }: rendered although it has errors (--allow-errors); fix them before it is published

init-exists = { $path } exists; choose another name with -o, or --force to replace it

batch-progress-ok = ok
batch-progress-ok-with-errors = ok, with errors
batch-progress-failed = FAILED
batch-summary-header = report	issuer	year	pages	errors	warnings	ms	result
batch-result-rendered = rendered
batch-result-rendered-with-errors = rendered with errors
batch-result-failed = FAILED
batch-total = { $rendered } rendered, { $failed } failed
batch-total-with-errors = { $rendered } rendered ({ $with_errors } with errors, --allow-errors), { $failed } failed

verify-ok = { $manifest }: every output as listed

stdout-failed = cannot write to standard output: { $why }; what it should have shown is incomplete

# Writing, reading and preparing (write, files, pipeline, template, layout).
write-is-a-folder = it is a folder; choose another output name or folder
files-kind-folder = a folder
files-kind-fifo = a named pipe (FIFO)
files-kind-socket = a socket
files-kind-device = a device
files-kind-other = not a regular file
files-not-regular = it is { $what }, not a file; report reads only regular files
pipeline-not-utf8 = the file is not UTF-8 text
pipeline-not-utf8-help = save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)
pipeline-output-dir-is-file = -o { $dir }: it is a file, not a folder; name a folder to write the outputs into (it is made if missing)
pipeline-collision = { $first } and { $second } would both be written to { $output }; give the reports distinct file names, or render them into different folders with -o
template-too-large = it is larger than { $mb } MB, far more than a template file needs
template-not-utf8 = it is not UTF-8 text; save it as UTF-8
layout-role-missing = the font role [roles.{ $role }] is missing
layout-column-widths = [table.columns] { $name }: give one positive width per column
layout-statistics-widths = [table.columns] statistics: give three widths (name, unit, each value column)
layout-empty-grid = the grid needs at least one line of one character
layout-no-room = the margins leave no room for text

# Renderers.
typst-bad-date = { $date } is not a date Typst accepts
ofd-font-subset = the face { $family } could not be subset for the OFD ({ $why })
typst-data-failed = the template data cannot be written: { $why }
typst-no-packages = { $spec }: packages are not available, as report renders offline and a template is its own report.typ alone; copy what the template needs from the package into report.typ
docx-pack-failed = docx-rs could not write the package: { $why }

# Batches and their manifests.
batch-input-not-a-file = { $input }: it is { $what }, not a report file or a folder; name the report files or their folder
batch-input-bad-pattern = { $input }: not a file, folder or glob pattern ({ $why })
batch-input-nothing = { $input }: no such file or folder, and no file matches it
batch-crashed = { $file }: report stopped on an internal error ({ $message }); this is a bug: please report it with this file
batch-a-warning = a warning
batch-warnings-denied = { $first } (warnings are denied: --deny-warnings)
batch-not-rendered = not rendered
manifest-too-large = larger than { $mb } MB
manifest-outside = { $path }: not a path inside the manifest's folder; a manifest lists its outputs by relative paths, so this entry was not opened
manifest-changed = { $path }: changed since the batch (sha256 differs)

# --verbose.
verbose-session = template { $template }; { $faces } font faces, the bundled ones from { $fonts }
verbose-role = role { $role }: { $cjk } (Chinese), { $latin } (Latin and digits)
verbose-role-one = role { $role }: { $cjk }
verbose-checked = { $file }: checked, { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
verbose-wrote = wrote { $path } ({ $bytes } bytes)

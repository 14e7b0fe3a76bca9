# Completions, manual pages and report.toml (cmd/completions, config).

cli-completions-about = Print the completion script of a shell for report (bash, zsh, fish, powershell, elvish)
cli-completions-after =
    Examples:
      report completions bash > ~/.local/share/bash-completion/completions/report
      report completions zsh > ~/.zfunc/_report
      report completions fish > ~/.config/fish/completions/report.fish
      report completions powershell >> $PROFILE
cli-completions-arg-shell = The shell the script is for
cli-man-about = Print report's manual page (roff), or write one page per command into a folder
cli-man-after =
    Examples:
      report man | man -l -
      report man -o man/
cli-man-arg-output_dir = Write report.1 and one page per command (report-render.1 …) into DIR instead of printing report.1
man-written = written { $path }
man-section-name = NAME
man-section-synopsis = SYNOPSIS
man-section-description = DESCRIPTION
man-section-options = OPTIONS
man-section-subcommands = SUBCOMMANDS
man-section-extra = EXTRA
man-section-version = VERSION

config-error-at = { $path }:{ $line }:{ $column }: { $message }
config-error = { $path }: { $message }
config-too-large = it is larger than { $mb } MB; a report.toml holds some lines of settings
config-not-utf8 = the file is not UTF-8 text; save it as UTF-8
config-syntax = not valid TOML ({ $why }); write each setting as key = value, e.g. formats = ["pdf", "docx"]
config-wrong-type = `{ $key }` must be { $expected }, e.g. { $example }, not { $found ->
    [string] a string
    [integer] an integer
    [float] a number
    [boolean] true or false
    [datetime] a date
    [array] an array
    [table] a table
   *[other] { $found }
}
config-expect-bool = true or false
config-expect-folders = an array of folder names
config-expect-folder = a folder name in quotes
config-expect-formats = an array of output formats (pdf, docx, html, html-fragment, ofd)
config-unknown-format = `{ $value }` is not an output format; use pdf, docx, html, html-fragment or ofd
config-no-folder = `{ $key }`: the folder { $dir } does not exist; create it or correct the name (it is relative to the folder of report.toml)
config-unknown-key = unknown key `{ $key }`; a report.toml may hold { $keys }
config-did-you-mean = ; did you mean `{ $key }`?
config-used = settings from { $path }
config-key-separator = {", "}

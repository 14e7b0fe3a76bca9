# The command line: what each command and flag is for (see cli::command for the ids).

cli-usage-heading = Usage:
cli-usage-options = [OPTIONS]
cli-commands-heading = Commands:
cli-command-value-name = COMMAND
cli-arguments-heading = Arguments:
cli-options-heading = Options:
cli-value-separator = {", "}
cli-possible-values = {" "}[possible values: { $values }]
cli-default-value = {" "}[default: { $value }]

cli-about = Renders a government information-disclosure annual report (政府信息公开工作年度报告) from YAML into official-format (GB/T 9704-2012) PDF, DOCX and HTML
cli-after =
    Examples:
      report render reports/chongqing-2014.yaml
      report render 2023.yaml 2024.yaml -o out/
      report render 2014.yaml --pdf-standard a-2b

    Messages are in Chinese under a Chinese locale and in English otherwise; --lang zh|en
    or REPORT_LANG=zh|en chooses.

cli-arg-help = Print help
cli-arg-version = Print the version
cli-arg-lang = The language of messages and help: zh (中文) or en (English); default: the locale, or REPORT_LANG
cli-arg-quiet = Print only errors and findings: no progress or summaries
cli-arg-verbose = Also say what is done at each step: fonts and template used, files read and written
cli-arg-color = Colour in messages: auto (on a terminal, unless NO_COLOR is set), always, never

cli-help-about = Print this message or the help of the given command
cli-help-arg-subcommand = The command whose help to print

cli-render-about = Render reports to PDF and DOCX (or HTML, OFD), next to each input or into -o DIR
cli-render-after =
    Examples:
      report render reports/chongqing-2014.yaml          writes reports/chongqing-2014.pdf and .docx
      report render a.yaml b.yaml -o out/                writes out/a.pdf, out/a.docx, out/b.pdf, out/b.docx
      report render 2014.yaml --format pdf               the PDF only
      report render 2014.yaml --format html              the portal's web page
      report render 2014.yaml --pdf-standard a-2b        PDF/A-2b for archiving
      report render 2014.yaml --font-dir ~/official-fonts  use the official fonts where present

    Every report is checked first (see `report check`): warnings are printed, and a report
    with errors is not rendered.

    Exit status: 0 all rendered, 1 a report has errors (or warnings, with --deny-warnings),
    2 an input could not be read, parsed or written.
cli-render-arg-files = Report files (YAML)
cli-render-arg-output_dir = Folder for the outputs (created if missing); default: next to each input
cli-render-arg-format = Output formats, comma-separated: pdf, docx, html (the portal's self-contained page, X.html), html-fragment (the article alone with its styles inline, for a CMS editor, X.fragment.html), ofd (OFD, GB/T 33190, the same pages as the PDF)

cli-arg-pdf_standard = PDF standard to conform to: 1.7, a-2b (for archiving), a-2u (a-2b with text always extractable as Unicode), a-3b
cli-arg-embed_fonts = Embed in the DOCX the bundled fonts a document may carry and stay editable (of the bundled faces, Liberation Serif for digits and Latin), for machines without them
cli-arg-deny_warnings = Treat warnings as errors
cli-arg-no_deny_warnings = Do not treat warnings as errors, whatever report.toml says (deny-warnings = true)
cli-arg-allow_errors = Render reports that have errors too: to print a report exactly as it was published, or to look at a draft. The findings are still printed, the exit status is still 1, and a batch's summary.json and manifest.json mark each such output
cli-arg-previous = Last year's report of the same issuer, for X-CARRY, X-INFORCE and S-COPY (default: a report beside the file with the same issuer and the year before, if there is one)
cli-arg-template = A template folder holding report.typ and layout.toml (default: the built-in GB/T 9704 one)
cli-arg-font_dirs = Also load the fonts in DIR (repeatable), e.g. the official 仿宋_GB2312; the bundled fonts folder itself is found through REPORT_FONT_DIR, next to the binary, or the source tree
cli-arg-system_fonts = Also use the fonts installed on this machine (off by default, so output does not depend on the machine)
cli-arg-no_system_fonts = Use only the bundled fonts and --font-dir folders, whatever report.toml says (system-fonts = true)

cli-check-about = Check reports against the rules a reviewer applies, without rendering
cli-check-after-head =
    Examples:
      report check 2014.yaml
      report check districts/*.yaml --format json    one JSON object per finding
      report check 2014.yaml --deny-warnings           warnings fail the check too

    Rules (see the README):
cli-check-rule = { $catches } ({ $severity })
cli-check-after-tail =
    Exit status: 0 clean, 1 findings with errors (or warnings, with --deny-warnings),
    2 a file could not be read or parsed, or bad usage.
cli-check-arg-files = Report files (YAML)
cli-check-arg-format = How findings are printed: text for people (stderr), json for scripts (stdout, one object per line)

cli-init-about = Start a new report: the preamble, the parts and, for the 2021 and 2019 formats, every table zero-filled
cli-init-after =
    Examples:
      report init --format standard_2021 --issuer 某区人民政府 --year 2024 -o 2024.yaml
      report init --format trial_2019 --issuer 某区人民政府 --year 2020 -o 2020.yaml
      report init --issuer 某局 --year 2024
cli-init-arg-format = The report's shape: standard_2021 (the 2021 format's tables), trial_2019 (the 2019 trial format's tables), free_form (parts and free tables, as before 2019)
cli-init-arg-issuer = The body that publishes the report, e.g. 某区人民政府
cli-init-arg-year = The year the report covers
cli-init-arg-output = The file to write (default: report-YEAR.yaml)
cli-init-arg-force = Replace the file if it exists

cli-batch-about = Render many reports into one folder in parallel, with a summary and a manifest
cli-batch-after =
    Examples:
      report batch districts/ -o out/
      report batch 'reports/**/*.yaml' -o out/ --jobs 2 --format pdf
      report batch all/ -o out/ --shard 2/8      the second of eight deterministic shares

    Writes OUT/<name>.pdf and .docx per report, OUT/summary.json and OUT/manifest.json
    (every output's sha256 and its source's), and for 2021-format reports OUT/rollup.csv and
    the roll-up in each format. Last year's report of an issuer is found among the inputs.
    Exit status: 0 all rendered, 1 some failed, 2 the batch could not run.
cli-batch-arg-paths = Folders (searched for *.yaml), files or glob patterns
cli-batch-arg-output_dir = The folder for every output, summary.json and manifest.json (created if missing)
cli-batch-arg-jobs = Reports rendered at once (default: one per core)
cli-batch-arg-shard = Only the K-th of N shares of the sorted inputs (1-based), e.g. 2/8
cli-batch-arg-format = Output formats, comma-separated: pdf, docx, html, html-fragment, ofd (with html, the batch also writes index.html)

cli-verify-about = Re-check the hashes of a batch's manifest.json
cli-verify-arg-manifest = A manifest.json written by report batch

cli-data-about = Print the data a template reads as /report.json, for template authors (and for compiling a report with the Typst CLI: report.typ, layout.toml and this file)
cli-data-arg-file = A report file (YAML)

cli-fonts-about = List the fonts report can use, with the family names a template's roles refer to
cli-fonts-after =
    Examples:
      report fonts
      report fonts --font-dir ~/official-fonts    check that 仿宋_GB2312 is picked up

# Usage errors, in place of clap's own.
cli-error-unknown-argument = unexpected argument '{ $arg }'
cli-error-unknown-command = unknown command '{ $command }'
cli-error-invalid-value = '{ $value }' is not a value of { $arg }; it takes: { $valid }
cli-error-empty-value = { $arg } needs a value
cli-error-bad-value = invalid value '{ $value }' for { $arg }: { $why }
cli-error-missing-argument = these required arguments were not given: { $arg }
cli-error-conflict = { $arg } cannot be used with { $other }
cli-error-suggest = {"  "}tip: did you mean '{ $suggestion }'?
cli-error-more-help = For more information, try '--help'.

# The messages of the flags' own checks.
cli-jobs-invalid = { $value }: give a number of reports, 1 or more
cli-issuer-empty = name the body that publishes the report, e.g. 某区人民政府
cli-issuer-one-line = the issuer is one line of text, without line breaks or control characters
cli-shard-syntax = write the shard as K/N, e.g. 2/8
cli-shard-k-number = K is a number
cli-shard-n-number = N is a number
cli-shard-range = { $k }/{ $n }: K must be between 1 and N

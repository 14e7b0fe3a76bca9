# report watch: the command, its help and what it prints (cmd::watch), and the page it
# serves (live).

cli-watch-about = Render a report again on every save, until Ctrl-C: with html among the formats, the page is served on 127.0.0.1 and reloads itself
cli-watch-after =
    Examples:
      report watch 2024.yaml                        writes 2024.pdf and 2024.docx, again on every save
      report watch 2024.yaml --format html          the portal's page: open the address it prints
      report watch 2024.yaml --format pdf,html -o out/
      report watch 2024.yaml --previous 2023.yaml --port 8800

    Keep the terminal open beside the editor (or WPS): each save is checked and rendered
    again, and the findings are shown afresh. A version with errors is not rendered: the
    outputs of the last good version stay as they were. Last year's report and the
    --template folder are watched too. Ctrl-C ends it (exit status 0).
cli-watch-arg-file = The report file (YAML)
cli-watch-arg-output_dir = Folder for the outputs (created if missing); default: next to the input
cli-watch-arg-format = Output formats, comma-separated: pdf, docx, html (the portal's page, X.html, also served on 127.0.0.1 and reloaded on every save), html-fragment (X.fragment.html), ofd (X.ofd)
cli-watch-arg-port = With html among the formats: the port of the page on 127.0.0.1 (default: a free one)

watch-stdin = report watch needs a file to watch, not standard input (-); save the report as a file and name it
watch-not-a-file = { $file }: name the report file to watch
watch-separator = ── { $time } { $file } ──
watch-list-separator = {", "}
watch-rendered = { $time } rendered { $files }
watch-kept = { $time } the report has errors: the last good outputs are kept; fix the errors and save to render again
watch-nothing-yet = { $time } the report has errors: nothing written; fix the errors and save to render
watch-failed = { $time } could not render: the last good outputs are kept
watch-template-error = { $time } the template or the fonts could not be loaded: nothing rendered; fix them and save
watch-open = Open { $url } in a browser
watch-watching = Watching { $file }: every save is checked and rendered again; Ctrl-C ends
watch-stopped = Stopped watching { $file }

error-watch = cannot watch { $path } for changes: { $why }
error-serve = cannot serve the page on 127.0.0.1:{ $port }: { $why }; choose another port with --port, or leave it out to take a free one

live-lang = en
live-not-yet = Not rendered yet: the report has errors. Fix them and save; this page then shows the report.
live-notice-errors = The report has errors: this is the last good version. Fix them and save; the page reloads itself.
live-notice-failed = The report could not be rendered: this is the last good version.

# report import (src/import, src/cmd/import.rs).

cli-import-about = Turn a published report (the portal's saved .html page, .docx or .txt) back into report YAML, then check it
cli-import-after =
    Examples:
      report import 2023年报告.docx -o 2023.yaml
      report import 2023年报告.html -o 2023.yaml
      report import report.txt --format free_form
    It prints what it recognised (title lines, parts, sections, items, tables and their cells) and every piece of text it could not place; those are also listed at the end of the YAML under “# 未能识别”. Then it checks the result as report check does, and exits as it does: 0 clean, 1 findings with errors, 2 could not run.
cli-import-arg-file = The published report: the portal's page as the browser saved it (.html, .htm, or .mhtml saved as one file; the article is found in it), a Word .docx file, or a .txt file (one paragraph a line, or paragraphs separated by runs of spaces)
cli-import-arg-output = The YAML to write (default: the input's name with .yaml, beside it)
cli-import-arg-format = The report's shape (default: standard_2021 or trial_2019 when its three statistics tables are found, as its table 2 is the 2021 or the 2019 one; free_form otherwise)
cli-import-arg-force = Replace the output if it exists

import-origin-line = line { $line }
import-origin-paragraph = paragraph { $paragraph }
import-origin-cell = table { $table }, row { $row }, column { $column }
import-origin-file = the whole file
import-docx-not-zip = it is not a Word .docx file (not a zip package); save it from Word as .docx
import-docx-no-document = it is not a Word .docx file (it has no word/document.xml); save it from Word as .docx
import-docx-bad-xml = its word/document.xml cannot be read ({ $why }); open it in Word and save it again
import-yaml-header =
    Imported by report import from { $source }; read it through before you use it.
    Heading numbers are generated from order, so they are not written here.
import-issuer-placeholder = 待填写：发布机关
import-renumbered = typed number { $typed } does not follow on; it is numbered by its order
import-unknown-kind = report import reads .html and .mhtml (a portal page as the browser saved it), .docx and .txt files; save the report as one of them
import-too-large = it is larger than { $megabytes } MB, more than any report
import-empty = it holds no text
import-no-year = no year (such as 2023年) in its title or text; add the year to the title and import again
import-same-file = { $path } is the file being imported; choose another output with -o
import-exists = { $path } exists; choose another name with -o, or --force to replace it
import-does-not-load = the imported YAML does not load ({ $why }); please report this
import-recognised = { $file }: { $format }, { $titles ->
    [one] { $titles } title line
   *[other] { $titles } title lines
}, { $parts ->
    [one] { $parts } part
   *[other] { $parts } parts
}, { $sections ->
    [one] { $sections } section
   *[other] { $sections } sections
}, { $items ->
    [one] { $items } item
   *[other] { $items } items
}, { $paragraphs ->
    [one] { $paragraphs } paragraph
   *[other] { $paragraphs } paragraphs
}, { $tables ->
    [one] { $tables } table
   *[other] { $tables } tables
} ({ $cells ->
    [one] { $cells } cell
   *[other] { $cells } cells
})
import-typed-tables = statistics tables read into their typed form: { $tables }
import-signature = signature and date recognised
import-all-placed = all the text was placed
import-unplaced = { $count ->
    [one] { $count } piece of text was not placed (listed at the end of the YAML under “# 未能识别”):
   *[other] { $count } pieces of text were not placed (listed at the end of the YAML under “# 未能识别”):
}
import-written = wrote { $path }
import-check-clean = check: no findings
cli-import-arg-previous_year = Read the file as last year's report and write this year's skeleton: the year advanced, last year's text kept behind 「待填写：」 (which check refuses until it is rewritten), the tables zeroed but for 上年结转, taken from last year's 结转下年度继续办理
import-advanced = advanced to { $year }: { $marked ->
    [one] { $marked } paragraph or item keeps last year's text behind 「待填写：」; rewrite it
   *[other] { $marked } paragraphs and items keep last year's text behind 「待填写：」; rewrite them
}
import-carried = 上年结转 taken from last year's 结转下年度继续办理; the other numbers of the tables are 0 until filled in
import-html-no-article = the page holds no article text; save the report's own page from the browser (not the list of reports) and import it again
import-html-bad-bytes = some bytes are not { $encoding } text and were read as �; the page was saved in another encoding than it declares, so save it again from the browser
import-html-image = an image ({ $name }) is not imported; a report's images are not part of its YAML
import-mhtml-not-mime = it is not a page saved as one file (.mhtml: not a MIME message); save the page from the browser again
import-mhtml-no-page = the saved file holds no HTML page; save the report's page from the browser again

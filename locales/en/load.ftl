# The loader's messages (load, model, formats): a file that cannot be read as a report.
# Ids are prefixed load- (reading the file, the parser's errors, limits) or model- (the
# values of a report: years, counts, dates, tables). Names of YAML keys stay as written.

## A list in a message: the separator between its items.
load-list-separator = {", "}

## Reading the file.
load-too-large = the file is larger than { $megabytes } MB, the most a report may be
load-too-large-help = is this the right file? A long annual report is well under 1 MB

## Keys: unknown, missing, given twice.
load-unknown-key = unknown field `{ $key }`, expected one of { $expected }
load-unknown-key-anywhere = unknown field `{ $key }`
load-unknown-key-did-you-mean = did you mean `{ $key }`?
load-unknown-key-remove = remove this key
load-unknown-key-allowed = the keys allowed here are: { $keys }
load-missing-key = missing field `{ $key }`
load-missing-key-help = add `{ $key }:` here
load-duplicate-key = duplicate mapping key: { $key }
load-duplicate-key-unnamed = duplicate mapping key
load-duplicate-key-help = a key may appear once in a mapping: merge the two or remove one

## Values of the wrong type or form.
load-invalid-type = invalid type: { $found }, expected { $expected }
load-invalid-value = invalid value: { $found }, expected { $expected }
load-invalid-length = invalid length { $length }, expected { $expected }
load-unknown-value = unknown variant `{ $value }`, expected one of { $expected }
load-choice = { $value }
load-choice-separator = {", "}
# What was found instead of what was expected.
load-found-integer = integer `{ $value }`
load-found-decimal = floating point `{ $value }`
load-found-boolean = boolean `{ $value }`
load-found-text = string { $quoted }
load-found-list = sequence
load-found-mapping = map
load-found-nothing = unit value
load-expected-year = the year in digits, e.g. 2014
load-year-not-digits = the year must be written in digits, e.g. 2014
load-not-an-integer = invalid { $name }
load-not-a-number = invalid floating point
load-not-a-boolean = invalid boolean
load-null = cannot deserialize null into string; use Option<String>
load-expected-list = expected a list here (lines starting with `- `)
load-expected-mapping = expected `key: value` lines here
load-expected-text = expected string scalar

## The file as YAML.
load-empty = unexpected end of input
load-empty-help = the file is empty: a report needs at least `issuer:`, `year:` and `parts:`
load-multiple-documents = the file holds more than one YAML document (a line `---` starts another)
load-multiple-documents-help = put one report in each file
load-tab-in-indentation = tabs disallowed within this context (block indentation)
load-tab-here = tabs disallowed in this context
load-tab-as-indentation = tab cannot be used as indentation
load-tab-help = indent with spaces, not tabs
load-unclosed-quote = unclosed quote
load-unclosed-bracket = unclosed bracket '{ $open }'
load-mismatched-bracket = mismatched bracket '{ $open }' closed by '{ $close }'
load-misplaced-bracket = misplaced bracket
load-expected-dash = while parsing a block collection, did not find expected '-' indicator
load-expected-key = while parsing a block mapping, did not find expected key
load-dash-in-brackets = "-" is only valid inside a block
load-unexpected-character = unexpected character: `{ $character }'
load-colon-not-allowed = mapping values are not allowed in this context
load-expected-comma-bracket = while parsing a flow sequence, expected ',' or ']'
load-expected-comma-brace = while parsing a flow mapping, did not find expected ',' or '{"}"}'
load-expected-content = while parsing a node, did not find expected node content
load-bad-indentation = invalid indentation
load-expected-colon = simple key expected ':'
load-unknown-anchor = alias references unknown anchor
load-unknown-anchor-parser = while parsing node, found unknown anchor
load-unknown-escape = while parsing a quoted scalar, found unknown escape character
load-after-single-quote = invalid trailing content after single-quoted scalar
load-after-double-quote = invalid trailing content after double-quoted scalar
# A message of the YAML parser that is not one of the above, as it gives it (in English).
load-yaml-detail = { $detail }

## Limits: a file far larger or deeper than any report.
load-too-many-nodes = the file grows past { $max } YAML nodes (with its anchors and aliases expanded)
load-too-deep = the file nests deeper than { $max } levels
load-too-many-nodes-help = a report is far smaller: write the text out instead of repeating anchors (*x)
load-recursion-limit = recursion limit exceeded
load-nests-help = a report nests a few levels deep; this file nests far deeper
load-aliases-help = the file is too large or nests too deeply for a report; remove repeated anchors (*x)
load-limit-detail = { $detail }
load-paragraph-too-long = this text has { $count } characters; a paragraph is at most { $max }
load-paragraph-too-long-help = split it into paragraphs (the longest in real reports have some 2 000 characters)
load-text-too-long = the report's text passes { $max } characters here, the most a report may have (some 300 pages)
load-text-too-long-help = is this the right file? The longest real reports have some 30 000 characters
load-too-many-blocks = the report passes { $max } paragraphs, headings and list items here, the most it may have
load-too-many-blocks-help = is this the right file? The longest real reports have a few hundred paragraphs

## A cell of the statistical tables: where it is, and what it holds.
load-cell-at = { $place }: { $message }
load-place-table3 = table 3, row 「{ $row }」, column 「{ $column }」
load-place-table2 = table 2, 「{ $row }」, 「{ $column }」
load-place-table4 = table 4, 「{ $row }」, 「{ $column }」
load-place-field = 「{ $field }」
load-cell-count-help = a cell holds a whole number from 0 to { $max }, in decimal digits
load-cell-change-help = 本年增/减 is +N, -N or 0, in decimal digits, printed as written
load-cell-amount-help = 采购总金额 is digits with at most one decimal point, then { $units }: 1296.5万元
load-units-or = {" or "}
load-table3-row-length = a row of table 3 has 6 numbers ({ $columns }) and may add the 总计 as a 7th; this one has { $count }
load-amount-digits = `{ $value }` is not an amount: write digits, with a decimal point if needed, e.g. 9116.36
load-amount-quote = write the amount in quotes ("24252.311082") so it is kept exactly as written
load-expect-amount = an amount in 万元, such as 0 or 24252.311082
load-change-not-signed-number = `{ $value }` is not a change: write +3 for an increase, -3 for a decrease, 0 for none
load-change-too-large = { $value } is more than any report counts: a change is at most ±{ $max }
load-change-unsigned = 本年增/减 is signed: write +{ $value } for an increase or -{ $value } for a decrease
load-change-overflow = { $value } is too large
load-expect-change = a signed change such as +3, -2 or 0
load-money-no-unit = `{ $value }` has no unit: write the amount with 元 or 万元 after it, e.g. 1296.5万元
load-money-digits = `{ $value }` is not an amount: write digits, with a decimal point if needed, e.g. 1296.5万元
load-expect-money = an amount with its unit, such as 1296.5万元

## A template's layout.
load-layout-columns = [table.columns] { $name } gives { $given } widths; the table has { $count } columns

## Years and counts (model::number).
model-count-negative = a count cannot be negative
model-year-negative = the year cannot be negative
model-count-whole = a count is a whole number
model-year-whole = the year is a whole number
model-count-digits = `{ $value }` is not a count: write it in decimal digits, e.g. 12
model-year-digits = `{ $value }` is not the year: write it in decimal digits, e.g. 2014
model-count-too-large = { $value } is more than any report counts: a cell of the tables is at most { $max }
model-year-too-large = { $value } is not a year: write the year the report covers, e.g. 2014
model-year-not-a-year = not a year
model-expect-whole-number = a whole number written in digits

## Dates (model::date).
model-expect-date = a date written YYYY-MM-DD, e.g. 2015-01-20
model-date-form = `{ $value }` is not a date: write it as YYYY-MM-DD, e.g. 2015-01-20
# A date written YYYY-MM-DD that is not in the calendar (2024-02-30).
model-date-impossible = `{ $value }` is not a date: write it as YYYY-MM-DD, e.g. 2015-01-20

## Blocks, items, the addressee (model).
model-expect-addressee = the body the report is sent to, or a list of bodies
model-expect-block = a paragraph (text), a numbered list (`items:`) or a table (`table:`, `statistics:`)
model-block-one-key = a block is one of `items:` (with its `numbering:`), `table:` or `statistics:`; start a new `- ` entry for each
model-expect-item = an item: text, or a mapping with `heading`, `text`, `body`, `items`

## Tables written in the body (model::table).
model-expect-cell = a cell: text, or a mapping with `text`, `colspan`, `rowspan`, `align`
model-cell-decimal = write a decimal in quotes ("12.50") so the cell prints it exactly as written
model-cell-boolean = write `{ $value }` in quotes if the cell should print it
model-expect-value = a number as printed (3215, 12.5), or — for no value
model-value-too-long = `{ $value }` has more digits than any report counts (at most { $max })
model-value-not-a-number = `{ $value }` is not a number: write digits as the report prints them (3215, 12.5, +8, 3.5%), or — for no value
model-table-no-rows = the table has no rows
model-table-no-rows-help = give its rows under `rows:`, each a list of cells
model-table-too-many-cells = the table has { $cells } cells, more than the { $max } a table may have
model-table-too-many-cells-help = split it into several tables
model-table-bad-span = a cell spans { $columns } columns and { $rows } rows
model-table-bad-span-help = a span is at least 1 and at most { $max } columns
model-table-first-row-empty = the table's first row has no cells
model-table-first-row-empty-help = list the first row's cells, e.g. [项目, 数量]
model-table-row-too-long = this row has more cells than the table's { $width } columns
model-table-cell-past-end = this cell spans columns { $from } to { $to }, past the table's { $width } columns
model-table-columns-help = every row covers the same columns as the first: remove a cell or a span (cells spanning rows from above count in the rows below)
model-table-overlap = this cell overlaps column { $column } of a cell spanning rows from above
model-table-overlap-help = reduce its colspan, or the rowspan above
model-table-rowspan-past-end = this cell spans { $rows } rows, past the table's last row
model-table-rowspan-past-end-help = reduce its rowspan
model-table-header-span = a header cell spans rows below the header
model-table-header-span-help = keep a header cell's rowspan within the header rows
model-table-hole = this row leaves column { $column } of the table's { $width } empty
model-table-hole-help = give every column a cell ("" for an empty one), or widen a cell with colspan
model-table-widths-count = `widths` gives { $given } widths; the table has { $width } columns
model-table-widths-count-help = give { $width } relative widths, or leave `widths` out for an even split
model-table-width-not-positive = a width is not a positive number
model-table-width-not-positive-help = give relative widths such as [3, 1, 1]
model-statistics-columns = a statistics table has 1 to { $max } value columns
model-statistics-columns-help = name the value columns as published, e.g. [本年, 累计]
model-statistics-no-rows = the statistics table has no rows
model-statistics-no-rows-help = give its rows under `rows:`, each with `name:`, `unit:` and `values:`
model-statistics-values-count = this row gives { $given ->
        [one] { $given } value
       *[other] { $given } values
    }; the table has { $count ->
        [one] { $count } value column
       *[other] { $count } value columns
    }
model-statistics-values-count-help = give one value per column ({ $count }), — for a column without one
model-statistics-adds-up = `adds_up` says the sub-rows add up to this row, but it has none
model-statistics-adds-up-help = list the sub-rows under `of_which:`, or remove `adds_up`

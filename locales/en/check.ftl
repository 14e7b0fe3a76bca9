# The findings of the rules (src/check, and the rules of each format in src/formats):
# each finding's message and its help. Ids are check-RULE-…, the rule id in lowercase.
# The English is what the snapshots in tests/snapshots compare: change it only with them.

## S-EMPTY (check/structure.rs, formats/free_form.rs)
check-s-empty-text = this text is empty
check-s-empty-text-help = write the text, or remove the entry
check-s-empty-parts = the report has no parts
check-s-empty-parts-help = add the parts 一、二、… under `parts:`, each with a `heading:`
check-s-empty-addressee = the addressee list is empty
check-s-empty-addressee-help = name the body the report is sent to, e.g. 市人民政府办公厅, or remove `addressee`
check-s-empty-issuer = the issuer is empty
check-s-empty-issuer-help = name the body that publishes the report, e.g. 重庆市人民政府办公厅
check-s-empty-heading = a part has no `heading`
check-s-empty-heading-help = give every part a `heading:`

## S-CONTROL: $kind is line-break or other; $code the code point in hex (200B).
check-s-control = { $kind ->
    [line-break] a line break
   *[other] an invisible or control character
} (U+{ $code }) inside the text
check-s-control-line-break-help = a paragraph is one line: join the lines, or make two paragraphs
check-s-control-other-help = delete it (it was probably pasted in with the text)

## S-DEPTH
check-s-depth-too-deep = a list inside a （1） item: the official format numbers four levels, 一、 （一） 1. （1）
check-s-depth-too-deep-help = make these items paragraphs of the item's `body`, or raise them one level
check-s-depth-rank = a list numbered 「{ $own }」 inside a 「{ $parent }」 item: a list inside an item is numbered below it, 1. → （1） → ①
check-s-depth-rank-help = leave `numbering` out (the list is then numbered 「{ $below }」)
check-s-depth-rank-lowest-help = make these items paragraphs of the item's `body`
check-s-depth-circled = a list inside a ① item: nothing is numbered below ①
check-s-depth-circled-help = make these items paragraphs of the item's `body`, or number the outer list 「（1）」

## P-TOKEN
check-p-token = 「{ $shown }…」 ({ $count } characters) is longer than a line: it is printed whole, broken where the line ends
check-p-token-help = check that the break does not mislead (a code or an amount split over two lines); shorten it if it can be

## D-YEAR
check-d-year-implausible = { $year } is not a plausible report year
check-d-year-implausible-help = write the year the report covers, between { $first } and { $last }
check-d-year-title = the title names { $mentioned }, the report is for { $year }
check-d-year-title-help = write { $year }年, or correct `year:`
check-d-year-later = { $mentioned }年 is later than the year after the report's ({ $next })
check-d-year-later-help = a report on one year is written early the next: check the year
check-d-year-period = the statistics period names { $found }, the report is for { $year }
check-d-year-period-help = write 统计期限为{ $year }年1月1日至{ $year }年12月31日
check-d-year-date = the report's date { $date } is not in { $year } or { $next }
check-d-year-date-late-help = the date is when the report was issued, usually January-March of the next year
check-d-year-date-help = the date is when the report was issued: in the year after the one it covers

## D-DEADLINE: $kind is government or department; $inferred is yes when the kind was
## inferred from the issuer's name.
check-d-deadline = the report is dated { $date }, after { $deadline }: the issuer is { $kind ->
    [government] a people's government (人民政府)
   *[department] a department (部门)
}{ $inferred ->
    [yes] , as its name suggests
   *[no] {""}
}, and publishes its report on { $year } by then
check-d-deadline-inferred-help = check the date; if the issuer is not the kind its name suggests, set `issuer_kind: government` or `issuer_kind: department`
check-d-deadline-help = check the date; a late report must still be published, and the delay explained if asked

## S-PLACEHOLDER
check-s-placeholder = 「{ $mark }」 marks text still to be filled in
check-s-placeholder-help = write the real text in its place before the report is published

## S-CITE: $name is the citation as written between the braces.
check-s-cite-unclosed = a `{"{"}` that no `{"}"}` closes
check-s-cite-unclosed-help = close the citation with `{"}"}`, or write `{"{{"}` for a brace in the text
check-s-cite-no-tables = `{"{"}{ $name }{"}"}` cites a table value, and this report has no tables
check-s-cite-no-tables-help = write the number itself, or `{"{{"}` for a brace in the text
check-s-cite-ambiguous = `{"{"}{ $name }{"}"}` could be any of { $candidates }
check-s-cite-ambiguous-help = write more of the row or column name
check-s-cite-unknown = `{"{"}{ $name }{"}"}` names no value of the tables
check-s-cite-unknown-help = name the table, row and column as printed, e.g. {"{"}表3.本年新收.总计{"}"}, or write `{"{{"}` for a brace
check-s-cite-unknown-near-help = did you mean { $names }?
# How the candidates and the names suggested are joined.
check-s-cite-candidates-separator = {", "}
check-s-cite-near-separator = {" or "}

## D-DOCNO: $number is the document number as written, $fixed as it should be.
check-d-docno-brackets = the document number { $number } puts its year in { $open }{ $close } instead of 六角括号 〔〕
check-d-docno-brackets-help = write { $fixed }
check-d-docno-form = the document number { $number } has 第 or a leading zero
check-d-docno-form-help = write { $fixed }
check-d-docno-year = the document number's year { $year } is after { $next }
check-d-docno-year-help = check the year of the document number

## S-NUMBERING
check-s-numbering-heading = the heading starts with the number 「{ $number }」, but numbers are generated from order
check-s-numbering-heading-help = write only 「{ $rest }」
check-s-numbering-item = the item's text starts with the number 「{ $number }」, typed after the number the list gives it
check-s-numbering-item-help = delete the typed number: items are numbered from their order (a sub-item goes under the item's `items:`)
check-s-numbering-paragraph = the paragraph starts with the number 「{ $number }」, typed by hand
check-s-numbering-paragraph-list-help = numbers are generated: write it as an item of a list (`- items:`, with `numbering: "{ $form }"` for this form), the paragraphs that belong to it under the item's `body:`
check-s-numbering-paragraph-heading-help = 「{ $number }」 numbers a part or a section: write what follows it as the `heading:` of one
check-s-numbering-circled = a list numbered ① has { $count } items; the circled numbers stop at ⑳
check-s-numbering-circled-help = number the list 「（1）」 (`numbering: "（1）"`), or split it into lists of 20 at most
check-s-numbering-inline = 「{ $numeral }是」 where 「{ $want }是」 was expected: the enumeration 一是、二是… is out of order
check-s-numbering-inline-help = write { $want }是, or renumber the enumeration

## F-FALLBACK and F-GLYPH: $char the character, $code its code point in hex, $font the
## role's font, $other the fallback font that has it.
check-f-fallback = 「{ $char }」 (U+{ $code }) is not in { $font }; it will print in { $other }
check-f-fallback-help = check it on paper, or give --font-dir a font that has it
check-f-glyph = no font has 「{ $char }」 (U+{ $code }): it would print as an empty box
check-f-glyph-help = replace the character, or give --font-dir a font that has it
# The generated numbers ⑪-⑳ of a ① list (check/heading_numbers.rs).
check-f-fallback-circled = the number 「{ $char }」 (U+{ $code }) is not in { $font }; from this item on the list's numbers print in { $other }
check-f-glyph-circled = no font has the number 「{ $char }」 (U+{ $code }): it would print as an empty box
check-f-circled-help = GB2312 faces have ① to ⑩ only: number the list 「（1）」, or give --font-dir a font that has ⑪-⑳

## P-NUMBERS: $stated the rate as written, $part and $whole the counts as written.
check-p-numbers-rate = { $stated }% cannot be { $part } of { $whole }: that is { $actual }
check-p-numbers-rate-between = between { $lo }% and { $hi }%
check-p-numbers-rate-help = recompute the rate from the counts, or correct the counts
# The formats with tables: a count the prose states that is not the table's.
check-p-numbers-table = the text says { $stated }, but the table's { $concept } is { $table }
check-p-numbers-table-help = make the text and the table agree

## P-SUBITEMS: $unit the row's unit, $column the value column.
check-p-subitems-row-part = 其中 「{ $part }」 is { $value }{ $unit } ({ $column }), more than its parent 「{ $row }」, { $whole }{ $unit }
check-p-subitems-row-part-help = a part cannot exceed its whole: correct the sub-row or its parent
check-p-subitems-row-sum = the sub-rows of 「{ $row }」 add up to { $sum }{ $unit } ({ $column }: { $terms }), not { $whole }{ $unit }
check-p-subitems-row-sum-help = `adds_up` says the sub-rows divide the row: correct a value, or remove `adds_up` if they do not
check-p-subitems-prose-part = 其中 { $part } is more than the total it is part of, { $total }
check-p-subitems-prose-sum = the parts after 其中 add up to { $sum } ({ $terms }), not the total { $total }
# A sum of rounded numbers, as the range it may lie in.
check-p-subitems-range = { $lo }-{ $hi }{ $unit }
check-p-subitems-prose-help = a part cannot exceed its whole, and all the parts add up to it: correct the numbers

## P-PUNCT
check-p-punct = half-width 「{ $char }」 in Chinese text
check-p-punct-help = write the full-width 「{ $full }」

## S-COPY: $year the year of the previous report.
check-s-copy-budget = the report is too long to compare in full with the { $year } report; from here on it was not compared
check-s-copy-budget-help = a real report is far shorter: is this the right file?
check-s-copy = this paragraph is { $percent }% the same as one of the { $year } report
check-s-copy-help = reviewers flag text copied from last year (内容雷同): say what changed this year

## S-PARTS (formats/free_form.rs, formats/standard2021/rules.rs): $format the report's
## `format`, $tables the tables it needs.
check-s-parts-free-form-tables = `tables` are printed only in `format: standard_2021` and `format: trial_2019` reports
check-s-parts-free-form-tables-help = add `format: standard_2021` (or `trial_2019` for 2019 and 2020), or remove `tables`
check-s-parts-count = a { $format } report has six parts, this one has { $count }
check-s-parts-count-help = the parts are, in order: { $titles }
# Each title in that list, and what stands between two.
check-s-parts-count-title = { $title }
check-s-parts-count-separator = 、
check-s-parts-near = the part is titled 「{ $heading }」; the format's title is 「{ $canonical }」
check-s-parts-misplaced = 「{ $heading }」 stands where the part 「{ $canonical }」 belongs: parts missing or out of order
check-s-parts-title-help = leave `heading` out and the canonical title is printed
check-s-parts-no-tables = a { $format } report needs its `tables` ({ $tables })
check-s-parts-no-tables-help = add `tables:` with `active`, `applications` and `reviews` (see reports/ for an example)
check-s-parts-tables-2021 = tables 2, 3 and 4
check-s-parts-tables-2019 = tables 2, 3 and 4 of the 2019 form

## T3-ROWSUM, T3-RESULTS, T3-IDENTITY, T4-GROUP: $total_label is 总计.
check-t3-rowsum = { $row }: the row's { $total_label } is { $stated }, but its six columns add up to { $sum }
check-t3-rowsum-help = correct the column that is wrong, or leave the 总计 out and it is computed
check-t3-results = { $row } for { $applicant } is { $stated }, but the results above add up to { $sum }
check-t3-results-help = a result was counted twice or left out; recount （一）-（六）
check-t3-identity = { $applicant }: 新收 { $received } + 上年结转 { $carried } = { $left }, but 办理结果 { $results } + 结转下年度 { $forward } = { $right }
check-t3-identity-help = every application received or carried over is either handled or carried forward
check-t4-group = { $group }: { $total_label } is { $total }, but 维持 + 纠正 + 其他 + 尚未审结 = { $sum }
check-t4-group-help = correct the count that is wrong, or leave the 总计 out and it is computed

## X-CARRY, X-INFORCE (between two years)
check-x-carry = 上年结转 is [{ $now }], but the { $year } report carried [{ $before }] forward
# Between the six columns' numbers.
check-x-carry-separator = {", "}
check-x-carry-help = this year's { $this_row } is last year's { $last_row }, column by column
check-x-inforce = { $name }: 现行有效 { $now } ≠ last year's { $before } + 制发 { $issued } − 废止 { $repealed } = { $expected }
check-x-inforce-help = check the counts; a clean-up of documents can explain a difference

## The 2019 trial format's table 2 (formats/trial2019/rules.rs)
check-t2-published = { $name }: { $published_label } is { $published }, more than the { $total_label } of { $total }
check-t2-published-help = { $total_label } counts every document public at the end of the year, this year's included
check-t2-items = { $name }: { $last_label } { $last } with { $change_label } { $change } leaves { $now } items
check-t2-items-help = no more items can be removed than there were: check { $last_label } and { $change_label }
check-t2-procurement-no-projects = { $row }: { $amount_label } is { $amount }, but { $projects_label } is 0
check-t2-procurement-no-projects-help = an amount is spent on projects: give their number, or an amount of 0
check-t2-procurement-no-amount = { $row }: { $projects } { $projects_label }, but { $amount_label } is { $amount }
check-t2-procurement-no-amount-help = write the projects' total amount, with its unit
check-x-items = { $name }: 上一年项目数量 is { $now }, but last year's report gives { $before } { $change } = { $expected }
check-x-items-help = this year's 上一年项目数量 is the number at the end of last year

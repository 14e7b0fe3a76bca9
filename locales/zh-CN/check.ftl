# 各检查规则的结果（src/check，以及 src/formats 中各格式的规则）：每条结果的说明和修改建议。
# 编号为 check-规则编号-…（规则编号小写）。

## S-EMPTY（check/structure.rs、formats/free_form.rs）
check-s-empty-text = 内容为空
check-s-empty-text-help = 填写内容，或删除该条目
check-s-empty-parts = 报告没有任何部分
check-s-empty-parts-help = 在 `parts:` 下依次写出一、二、……各部分，每部分写明 `heading:`
check-s-empty-addressee = 主送机关为空
check-s-empty-addressee-help = 写明报告的主送机关，如“市人民政府办公厅”，或删除 `addressee`
check-s-empty-issuer = 发布机关为空
check-s-empty-issuer-help = 写明发布报告的机关，如“重庆市人民政府办公厅”
check-s-empty-heading = 有部分没有标题（`heading`）
check-s-empty-heading-help = 为每个部分写明 `heading:`

## S-CONTROL：$kind 为 line-break（换行）或 other；$code 为十六进制码位（如 200B）。
check-s-control = 文中有{ $kind ->
    [line-break] 换行符
   *[other] 不可见字符或控制字符
}（U+{ $code }）
check-s-control-line-break-help = 一个段落只占一行：将各行合并，或分为两段
check-s-control-other-help = 删除该字符（可能是随文字粘贴进来的）

## S-DEPTH
check-s-depth-too-deep = （1）条目之下又有列表：公文结构层次序数只有一、（一）1.（1）四层
check-s-depth-too-deep-help = 将这些条目改为该条目 `body` 中的段落，或提高一个层级
check-s-depth-rank = “{ $parent }”条目之下的列表用了“{ $own }”编号：条目之下的列表应比该条目低一级编号，依次为“1.”“（1）”“①”
check-s-depth-rank-help = 删去 `numbering`（列表即按“{ $below }”编号）
check-s-depth-rank-lowest-help = 将这些条目改为该条目 `body` 中的段落
check-s-depth-circled = ①条目之下又有列表：①之下没有更低一级的序号
check-s-depth-circled-help = 将这些条目改为该条目 `body` 中的段落，或将外层列表改用“（1）”编号

## P-TOKEN
check-p-token = “{ $shown }…”（共{ $count }个字符）超过一行，将整体印出，在行末处断开
check-p-token-help = 核对断开处是否引起误解（如代码或金额被分在两行）；能缩短的应缩短

## D-YEAR
check-d-year-implausible = 报告年度{ $year }不合常理
check-d-year-implausible-help = 填写报告所属年度（{ $first }至{ $last }年之间）
check-d-year-title = 标题中的年份为{ $mentioned }年，报告年度为{ $year }年
check-d-year-title-help = 改为{ $year }年，或改正 `year:`
check-d-year-later = { $mentioned }年晚于报告年度的下一年（{ $next }年）
check-d-year-later-help = 年度报告于次年年初编写：核对年份
check-d-year-period = 统计期限中的年份为{ $found }年，报告年度为{ $year }年
check-d-year-period-help = 改为“统计期限为{ $year }年1月1日至{ $year }年12月31日”
check-d-year-date = 报告日期{ $date }不在{ $year }年或{ $next }年内
check-d-year-date-late-help = 报告日期为成文日期，一般在次年1月至3月
check-d-year-date-help = 报告日期为成文日期，应在报告年度的次年

## D-DEADLINE：$kind 为 government（人民政府）或 department（部门）；依机关名称推断时 $inferred 为 yes。
check-d-deadline = 报告日期为{ $date }，晚于{ $deadline }：发布机关为{ $kind ->
    [government] 人民政府
   *[department] 政府部门
}{ $inferred ->
    [yes] （依机关名称判断）
   *[no] {""}
}，应在此日期前公布{ $year }年度报告
check-d-deadline-inferred-help = 核对日期；发布机关不属于其名称所示类别的，写明 `issuer_kind: government`（人民政府）或 `issuer_kind: department`（部门）
check-d-deadline-help = 核对日期；逾期的报告仍应公布，被问及时说明逾期原因

## S-PLACEHOLDER
check-s-placeholder = “{ $mark }”处的内容尚未填写
check-s-placeholder-help = 公开前改为实际内容

## S-CITE：$name 为花括号中所写的引用。
check-s-cite-unclosed = `{"{"}` 没有对应的 `{"}"}`
check-s-cite-unclosed-help = 用 `{"}"}` 结束引用；正文中的花括号写作 `{"{{"}`
check-s-cite-no-tables = `{"{"}{ $name }{"}"}` 引用表格数值，但本报告没有表格
check-s-cite-no-tables-help = 直接写出数字；正文中的花括号写作 `{"{{"}`
check-s-cite-ambiguous = `{"{"}{ $name }{"}"}` 可指以下任一项：{ $candidates }
check-s-cite-ambiguous-help = 写全行名或列名
check-s-cite-unknown = 表格中没有 `{"{"}{ $name }{"}"}` 所指的数值
check-s-cite-unknown-help = 按表中印出的表名、行名、列名引用，如 {"{"}表3.本年新收.总计{"}"}；正文中的花括号写作 `{"{{"}`
check-s-cite-unknown-near-help = 是否应为 { $names }？
# 可选项和建议名称之间的连接。
check-s-cite-candidates-separator = 、
check-s-cite-near-separator = {" 或 "}

## D-DOCNO：$number 为所写文号，$fixed 为正确写法。
check-d-docno-brackets = 文号“{ $number }”的年份用了{ $open }{ $close }，应使用六角括号〔〕
check-d-docno-brackets-help = 改为 { $fixed }
check-d-docno-form = 文号“{ $number }”中有“第”字或序号前加了0
check-d-docno-form-help = 改为 { $fixed }
check-d-docno-year = 文号“{ $number }”的年份晚于{ $next }年
check-d-docno-year-help = 核对文号的年份

## S-NUMBERING
check-s-numbering-heading = 标题以序号“{ $number }”开头，序号应由程序按顺序生成
check-s-numbering-heading-help = 只写“{ $rest }”
check-s-numbering-item = 条目文字以序号“{ $number }”开头，与列表生成的序号重复
check-s-numbering-item-help = 删去手写的序号：条目按顺序自动编号（下级条目写在该条目的 `items:` 下）
check-s-numbering-paragraph = 段落以手写的序号“{ $number }”开头
check-s-numbering-paragraph-list-help = 序号由程序生成：写成列表的条目（`- items:`，此种序号用 `numbering: "{ $form }"`），所属段落写在该条目的 `body:` 下
check-s-numbering-paragraph-heading-help = “{ $number }”是部分或节的序号：将其后的文字写作部分或节的 `heading:`
check-s-numbering-circled = 用①编号的列表有{ $count }个条目，带圈序号只到⑳
check-s-numbering-circled-help = 改用“（1）”编号（`numbering: "（1）"`），或拆分为每个不超过20条的列表
check-s-numbering-inline = 此处应为“{ $want }是”，写成了“{ $numeral }是”：“一是、二是……”顺序不对
check-s-numbering-inline-help = 改为“{ $want }是”，或重新排列序号

## F-FALLBACK、F-GLYPH：$char 为该字，$code 为其十六进制码位，$font 为所用字体，$other 为含有该字的备用字体。
check-f-fallback = 字体 { $font } 中没有“{ $char }”（U+{ $code }），将以 { $other } 印出
check-f-fallback-help = 打印出来核对，或用 --font-dir 指定含有该字的字体
check-f-glyph = 所有字体都没有“{ $char }”（U+{ $code }），将印成空框
check-f-glyph-help = 换用其他字，或用 --font-dir 指定含有该字的字体
# ①列表自动生成的序号⑪至⑳（check/heading_numbers.rs）。
check-f-fallback-circled = 字体 { $font } 中没有序号“{ $char }”（U+{ $code }），自此条目起列表序号以 { $other } 印出
check-f-glyph-circled = 所有字体都没有序号“{ $char }”（U+{ $code }），将印成空框
check-f-circled-help = GB2312 字体只有①至⑩：改用“（1）”编号，或用 --font-dir 指定含有⑪至⑳的字体

## P-NUMBERS：$stated 为所写比率，$part、$whole 为所写件数。
check-p-numbers-rate = { $stated }%与所列件数不符：{ $part }占{ $whole }的比率应为{ $actual }
check-p-numbers-rate-between = { $lo }%至{ $hi }%
check-p-numbers-rate-help = 按件数重新计算比率，或改正件数
# 有表格的格式：正文所写件数与表格不一致。
check-p-numbers-table = 正文为{ $stated }，但表格中“{ $concept }”为{ $table }
check-p-numbers-table-help = 使正文与表格一致

## P-SUBITEMS：$unit 为该行单位，$column 为数值列。
check-p-subitems-row-part = 其中“{ $part }”为{ $value }{ $unit }（{ $column }），大于其上级“{ $row }”的{ $whole }{ $unit }
check-p-subitems-row-part-help = 分项不能大于总数：改正该分项或其上级
check-p-subitems-row-sum = “{ $row }”的各分项合计为{ $sum }{ $unit }（{ $column }：{ $terms }），不等于{ $whole }{ $unit }
check-p-subitems-row-sum-help = `adds_up` 表示各分项相加等于该行：改正数值；各分项并非全部的，删去 `adds_up`
check-p-subitems-prose-part = 其中{ $part }大于其所属总数{ $total }
check-p-subitems-prose-sum = “其中”所列各项合计为{ $sum }（{ $terms }），不等于总数{ $total }
# 多个约数之和可能所在的范围。
check-p-subitems-range = { $lo }至{ $hi }{ $unit }
check-p-subitems-prose-help = 分项不能大于总数，全部分项之和应等于总数：改正数字

## P-PUNCT
check-p-punct = 中文中使用了半角“{ $char }”
check-p-punct-help = 改为全角“{ $full }”

## S-COPY：$year 为上一年度报告的年份。
check-s-copy-budget = 报告过长，无法与{ $year }年度报告全文比对；自此处起未比对
check-s-copy-budget-help = 实际报告远没有这么长：核对是否选错了文件
check-s-copy = 本段与{ $year }年度报告中的一段相似度达{ $percent }%，内容雷同
check-s-copy-help = 审查时会指出与上年内容雷同：写明本年的新情况、新变化

## S-PARTS（formats/free_form.rs、formats/standard2021/rules.rs）：$format 为报告的 `format`，$tables 为所需表格。
check-s-parts-free-form-tables = 只有 `format: standard_2021` 和 `format: trial_2019` 的报告才印出 `tables`
check-s-parts-free-form-tables-help = 加上 `format: standard_2021`（2019、2020年度用 `trial_2019`），或删除 `tables`
check-s-parts-count = `format: { $format }` 的报告应有六个部分，本报告有{ $count }个
check-s-parts-count-help = 各部分依次为：{ $titles }
# 上列各标题，及标题之间的符号（标题中本有顿号，故各加引号，不再用顿号分隔）。
check-s-parts-count-title = “{ $title }”
check-s-parts-count-separator = {""}
check-s-parts-near = 该部分标题为“{ $heading }”，规定标题为“{ $canonical }”
check-s-parts-misplaced = “{ $heading }”处应为“{ $canonical }”部分：有部分缺失或顺序不对
check-s-parts-title-help = 删去 `heading`，即印出规定标题
check-s-parts-no-tables = `format: { $format }` 的报告须有 `tables`（{ $tables }）
check-s-parts-no-tables-help = 加上 `tables:`，含 `active`、`applications` 和 `reviews`（示例见 reports/ 文件夹）
check-s-parts-tables-2021 = 表二、表三、表四
check-s-parts-tables-2019 = 2019 年版的表二、表三、表四

## T3-ROWSUM、T3-RESULTS、T3-IDENTITY、T4-GROUP：$total_label 为“总计”。
check-t3-rowsum = 表三“{ $row }”：该行“{ $total_label }”为{ $stated }，但六列之和为{ $sum }
check-t3-rowsum-help = 改正有误的一列，或不写“总计”，由程序计算
check-t3-results = 表三“{ $row }”的“{ $applicant }”一列为{ $stated }，但以上各项办理结果之和为{ $sum }
check-t3-results-help = 有办理结果重复计算或遗漏：重新统计（一）至（六）
check-t3-identity = 表三“{ $applicant }”一列：新收 { $received } + 上年结转 { $carried } = { $left }，但办理结果 { $results } + 结转下年度 { $forward } = { $right }
check-t3-identity-help = 本年新收和上年结转的申请，或已办理，或结转下年度继续办理
check-t4-group = 表四“{ $group }”：“{ $total_label }”为{ $total }，但维持 + 纠正 + 其他 + 尚未审结 = { $sum }
check-t4-group-help = 改正有误的数字，或不写“总计”，由程序计算

## X-CARRY、X-INFORCE（两个年度之间）
check-x-carry = 本年“上年结转”各列为{ $now }，但{ $year }年度报告的“结转下年度继续办理”各列为{ $before }
# 六列数字之间的符号。
check-x-carry-separator = 、
check-x-carry-help = 本年“{ $this_row }”应逐列等于上年“{ $last_row }”
check-x-inforce = 表二“{ $name }”：现行有效 { $now } ≠ 上年 { $before } + 制发 { $issued } − 废止 { $repealed } = { $expected }
check-x-inforce-help = 核对数字；开展文件清理可能造成差异

## 2019 年版表二（formats/trial2019/rules.rs）
check-t2-published = 表二“{ $name }”：“{ $published_label }”为{ $published }，大于“{ $total_label }”{ $total }
check-t2-published-help = “{ $total_label }”是年末全部公开的文件数量，含本年公开的
check-t2-items = 表二“{ $name }”：“{ $last_label }”{ $last }，“{ $change_label }”{ $change }，结果为{ $now }项
check-t2-items-help = 减少的项目不能多于原有的：核对“{ $last_label }”和“{ $change_label }”
check-t2-procurement-no-projects = 表二“{ $row }”：“{ $amount_label }”为{ $amount }，但“{ $projects_label }”为0
check-t2-procurement-no-projects-help = 有采购金额就有采购项目：填写项目数，或将金额改为0
check-t2-procurement-no-amount = 表二“{ $row }”：“{ $projects_label }”为{ $projects }，但“{ $amount_label }”为{ $amount }
check-t2-procurement-no-amount-help = 填写采购项目的总金额，并写明单位
check-x-items = 表二“{ $name }”：“上一年项目数量”为{ $now }，但按上年报告应为 { $before } { $change } = { $expected }
check-x-items-help = 本年“上一年项目数量”应为上年年末的项目数

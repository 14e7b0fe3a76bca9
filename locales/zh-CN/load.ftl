# 读取报告文件时的提示（load、model、formats）：文件无法作为报告读取。
# 编号前缀 load-（读取文件、YAML 语法、上限）或 model-（年份、件数、日期、表格等值）。
# YAML 项名照原样写。

## 列举多项时的分隔符。
load-list-separator = 、

## 读取文件。
load-too-large = 文件大于 { $megabytes } MB，超过报告文件的上限
load-too-large-help = 请确认是否选错了文件：篇幅较长的年度报告也远小于 1 MB

## 项名：写错、缺少、重复。
load-unknown-key = 没有“{ $key }”这一项，此处可写：{ $expected }
load-unknown-key-anywhere = 此处不能写“{ $key }”
load-unknown-key-did-you-mean = 是否要写“{ $key }”？
load-unknown-key-remove = 删去这一项
# 此处可写的项已在提示中列出（{ $keys }），不再重复。
load-unknown-key-allowed = 删去这一项，或改为此处可写的项之一
load-missing-key = 缺少“{ $key }”项
load-missing-key-help = 补写“{ $key }:”一项
load-duplicate-key = “{ $key }”写了两次
load-duplicate-key-unnamed = 同一项写了两次
load-duplicate-key-help = 同一层级中每项只能写一次，请合并两处或删去一处

## 值的类型或写法不对。
load-invalid-type = 此处应为{ $expected }，不应是{ $found }
load-invalid-value = 此处应为{ $expected }，不应是{ $found }
load-invalid-length = 个数不对：写了 { $length } 个，应为{ $expected }
load-unknown-value = 没有“{ $value }”这一选项，应为{ $expected }之一
load-choice = “{ $value }”
load-choice-separator = {""}
# 实际写的内容（与应写的内容对照）。
load-found-integer = 整数 { $value }
load-found-decimal = 小数 { $value }
load-found-boolean = 逻辑值 { $value }
load-found-text = 文字 { $quoted }
load-found-list = 列表
load-found-mapping = “项名: 内容”形式的各行
load-found-nothing = 空项
load-expected-year = 用阿拉伯数字写的年份，如 2014
load-year-not-digits = 年份应写为阿拉伯数字，如 2014
load-not-an-integer = 此处应为整数，如 2
load-not-a-number = 此处应为数字，如 1.5
load-not-a-boolean = 此处应为 true 或 false
load-null = 此处没有写内容
load-expected-list = 此处应为列表（以“- ”开头的各行）
load-expected-mapping = 此处应为“项名: 内容”形式的各行
load-expected-text = 此处应为文字，不能是列表或“项名: 内容”

## 文件的 YAML 格式。
load-empty = 文件没有内容
load-empty-help = 报告至少应写 issuer:、year: 和 parts: 三项
load-multiple-documents = 文件中有不止一个 YAML 文档（“---”一行另起一个文档）
load-multiple-documents-help = 每个文件只写一份报告
load-tab-in-indentation = 缩进中有制表符（Tab）
load-tab-here = 此处不能使用制表符（Tab）
load-tab-as-indentation = 不能用制表符（Tab）缩进
load-tab-help = 用空格缩进，不要用制表符
load-unclosed-quote = 引号没有闭合
load-unclosed-bracket = 括号“{ $open }”没有闭合
load-mismatched-bracket = 括号“{ $open }”与“{ $close }”不配对
load-misplaced-bracket = 多出一个右括号
load-expected-dash = 缩进有误：此处应为以“- ”开头的列表项
load-expected-key = 缩进有误：此处应为“项名: 内容”
load-dash-in-brackets = 方括号或花括号内不能用“- ”列项，请检查前面的括号是否闭合
load-unexpected-character = 此处不能有字符 { $character }
load-colon-not-allowed = 此处不能再写“: ”；冒号如是内容的一部分，请给整段内容加引号
load-expected-comma-bracket = 方括号内各项应以“,”分隔，并以“]”结尾
load-expected-comma-brace = 花括号内各项应以“,”分隔，并以“{"}"}”结尾
load-expected-content = 此处缺少内容
load-bad-indentation = 缩进有误
load-expected-colon = 项名后缺少“:”
load-unknown-anchor = 引用了不存在的锚点（*x 前面没有 &x）
load-unknown-anchor-parser = 引用了不存在的锚点（*x 前面没有 &x）
load-unknown-escape = 双引号内“\”后的字符无法识别；反斜杠本身应写作 \\，或改用单引号
load-after-single-quote = 单引号闭合后不能再有内容
load-after-double-quote = 双引号闭合后不能再有内容
# YAML 解析器的其他提示，照其原文（英文）列出。
load-yaml-detail = YAML 格式有误：{ $detail }

## 上限：远大于、远深于任何报告的文件。
load-too-many-nodes = 文件超过 { $max } 个 YAML 节点（按锚点和别名展开后计）
load-too-deep = 文件嵌套超过 { $max } 层
load-too-many-nodes-help = 报告远没有这么大：请直接写出内容，不要反复引用锚点（*x）
load-recursion-limit = 嵌套层数超过上限
load-nests-help = 报告只有几层嵌套，此文件嵌套过深
load-aliases-help = 文件过大或嵌套过深，不像一份报告；请删去反复引用的锚点（*x）
load-limit-detail = 文件超出上限：{ $detail }
load-paragraph-too-long = 这段文字有 { $count } 字，一段最多 { $max } 字
load-paragraph-too-long-help = 请分成几段（实际报告中最长的段落约 2000 字）
load-text-too-long = 报告全文至此超过 { $max } 字，已达上限（约 300 页）
load-text-too-long-help = 请确认是否选错了文件：实际报告最长约 3 万字
load-too-many-blocks = 报告的段落、标题和列表项至此超过 { $max } 个，已达上限
load-too-many-blocks-help = 请确认是否选错了文件：实际报告最多几百段

## 统计表的单元格：位置和写法。
load-cell-at = { $place }：{ $message }
load-place-table3 = 表3“{ $row }”行“{ $column }”列
load-place-table2 = 表2“{ $row }”的“{ $column }”
load-place-table4 = 表4“{ $row }”的“{ $column }”
load-place-field = “{ $field }”
load-cell-count-help = 单元格应为 0 至 { $max } 的整数，用阿拉伯数字书写
load-cell-change-help = 本年增/减应写为 +N、-N 或 0（阿拉伯数字），按原样印出
load-cell-amount-help = 采购总金额应写为阿拉伯数字（最多一个小数点）加单位 { $units }，如 1296.5万元
load-units-or = {" 或 "}
load-table3-row-length = 表3每行有 6 个数（{ $columns }），可再加第 7 个“总计”；这一行有 { $count } 个
load-amount-digits = 金额“{ $value }”应写为阿拉伯数字，需要时带小数点，如 9116.36
load-amount-quote = 金额应加引号（如 "24252.311082"），才能按原样保留
load-expect-amount = 以万元为单位的金额，如 0 或 24252.311082
load-change-not-signed-number = “{ $value }”不是增减数：增加写 +3，减少写 -3，不变写 0
load-change-too-large = { $value } 超出报告中可能的数量：增减数最大为 ±{ $max }
load-change-unsigned = 本年增/减应带符号：增加写 +{ $value }，减少写 -{ $value }
load-change-overflow = { $value } 过大
load-expect-change = 带符号的增减数，如 +3、-2 或 0
load-money-no-unit = 金额“{ $value }”缺少单位：应在数字后写 元 或 万元，如 1296.5万元
load-money-digits = 金额“{ $value }”应写为阿拉伯数字，需要时带小数点，如 1296.5万元
load-expect-money = 带单位的金额，如 1296.5万元

## 模板的版式。
load-layout-columns = [table.columns] 中 { $name } 给出 { $given } 个宽度，该表格有 { $count } 列

## 年份和件数（model::number）。
model-count-negative = 件数不能为负数
model-year-negative = 年份不能为负数
model-count-whole = 件数应为整数
model-year-whole = 年份应为整数
model-count-digits = 件数“{ $value }”应写为阿拉伯数字，如 12
model-year-digits = year 应为数字，如 2014（现写作“{ $value }”）
model-count-too-large = { $value } 超出报告中可能的件数：表格单元格最大为 { $max }
model-year-too-large = { $value } 不是年份，应写报告所属的年度，如 2014
model-year-not-a-year = 不是年份
model-expect-whole-number = 用阿拉伯数字写的整数

## 日期（model::date）。
model-expect-date = 按 YYYY-MM-DD 写的日期，如 2015-01-20
model-date-form = 日期“{ $value }”应写为 YYYY-MM-DD，如 2015-01-20
# 按 YYYY-MM-DD 写了日历上没有的日期（2024-02-30）。
model-date-impossible = { $year }年{ $month }月{ $day }日不存在

## 段落、列表项、主送机关（model）。
model-expect-addressee = 主送机关名称，或几个主送机关的列表
model-expect-block = 段落（文字）、编号列表（items:）或表格（table: 或 statistics:）
model-block-one-key = 一项内容只能是 items:（可带 numbering:）、table: 或 statistics: 之一；每项另起一个“- ”
model-expect-item = 列表项（文字，或包含 heading、text、body、items 的各行）

## 正文中的表格（model::table）。
model-expect-cell = 单元格（文字，或包含 text、colspan、rowspan、align 的各行）
model-cell-decimal = 小数应加引号（如 "12.50"），单元格才能按原样印出
model-cell-boolean = 单元格要印出 { $value }，应加引号
model-expect-value = 按印出样子写的数字（如 3215、12.5），或表示无数值的 —
model-value-too-long = “{ $value }”位数过多，超出报告中可能的数字（最多 { $max } 位）
model-value-not-a-number = “{ $value }”不是数字：应按报告印出的样子写阿拉伯数字（如 3215、12.5、+8、3.5%），没有数值写 —
model-table-no-rows = 表格没有行
model-table-no-rows-help = 在 rows: 下逐行列出单元格
model-table-too-many-cells = 表格有 { $cells } 个单元格，超过上限 { $max } 个
model-table-too-many-cells-help = 请拆分为几个表格
model-table-bad-span = 单元格跨 { $columns } 列、{ $rows } 行
model-table-bad-span-help = 跨行、跨列数至少为 1，跨列数至多为 { $max }
model-table-first-row-empty = 表格第一行没有单元格
model-table-first-row-empty-help = 列出第一行的单元格，如 [项目, 数量]
model-table-row-too-long = 这一行的单元格多于表格的 { $width } 列
model-table-cell-past-end = 这个单元格跨第 { $from } 至第 { $to } 列，超出表格的 { $width } 列
model-table-columns-help = 每行应与第一行占同样的列：删去一个单元格或减少跨列（上方跨行的单元格也占下方各行的列）
model-table-overlap = 这个单元格与上方跨行的单元格在第 { $column } 列重叠
model-table-overlap-help = 减少它的 colspan，或上方单元格的 rowspan
model-table-rowspan-past-end = 这个单元格跨 { $rows } 行，超出表格的最后一行
model-table-rowspan-past-end-help = 减少它的 rowspan
model-table-header-span = 表头单元格跨到了表头以下的行
model-table-header-span-help = 表头单元格的 rowspan 不应超出表头各行
model-table-hole = 这一行缺少第 { $column } 列（表格共 { $width } 列）
model-table-hole-help = 每列都应有单元格（空单元格写 ""），或用 colspan 加宽单元格
model-table-widths-count = widths 给出 { $given } 个宽度，表格有 { $width } 列
model-table-widths-count-help = 给出 { $width } 个相对宽度，或删去 widths 以平均分配
model-table-width-not-positive = 有一个宽度不是正数
model-table-width-not-positive-help = 给出相对宽度，如 [3, 1, 1]
model-statistics-columns = 统计表的数值列应为 1 至 { $max } 列
model-statistics-columns-help = 按公布的表格写出数值列名称，如 [本年, 累计]
model-statistics-no-rows = 统计表没有行
model-statistics-no-rows-help = 在 rows: 下逐行写出 name:、unit: 和 values:
model-statistics-values-count = 这一行有 { $given } 个数值，表格有 { $count } 个数值列
model-statistics-values-count-help = 每列一个数值（共 { $count } 个），没有数值的列写 —
model-statistics-adds-up = 写了 adds_up（各分项相加等于本行），但本行没有分项
model-statistics-adds-up-help = 在 of_which: 下列出分项，或删去 adds_up

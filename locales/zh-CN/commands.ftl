# 各命令运行中的提示（cmd）。

render-not-rendered = { $file }：未生成，请先改正上面的错误
render-pages = { $count }页
render-with-errors-mark = { $first ->
    [1] 有错误仍生成（--allow-errors）
   *[other] ，有错误仍生成（--allow-errors）
}
render-rendered-with-errors = { $file }：有错误仍已生成（--allow-errors），公开前请改正

init-exists = { $path } 已存在；请用 -o 另取文件名，或用 --force 覆盖

batch-progress-ok = 已生成
batch-progress-ok-with-errors = 已生成（含错误）
batch-progress-failed = 未生成
batch-summary-header = 报告	机关	年度	页数	错误	警告	毫秒	结果
batch-result-rendered = 已生成
batch-result-rendered-with-errors = 已生成（含错误）
batch-result-failed = 未生成
batch-total = 已生成 { $rendered } 份，未生成 { $failed } 份
batch-total-with-errors = 已生成 { $rendered } 份（其中 { $with_errors } 份有错误，--allow-errors），未生成 { $failed } 份

verify-ok = { $manifest }：各输出均与清单一致

stdout-failed = 无法写入标准输出：{ $why }；应显示的内容不完整

# 写入、读取和准备（write、files、pipeline、template、layout）。
write-is-a-folder = 这是文件夹；请另取输出文件名或另选文件夹
files-kind-folder = 文件夹
files-kind-fifo = 命名管道（FIFO）
files-kind-socket = 套接字
files-kind-device = 设备
files-kind-other = 非普通文件
files-not-regular = 这是{ $what }，不是文件；report 只读取普通文件
pipeline-not-utf8 = 文件不是 UTF-8 编码的文本
pipeline-not-utf8-help = 请另存为 UTF-8 编码（记事本：“另存为”，编码选“UTF-8”）
pipeline-output-dir-is-file = -o { $dir }：这是文件而不是文件夹；请指定存放输出的文件夹（不存在时自动创建）
pipeline-collision = { $first } 和 { $second } 都将写入 { $output }；请给报告文件取不同的名称，或用 -o 输出到不同的文件夹
template-too-large = 文件大于 { $mb } MB，远超模板文件所需
template-not-utf8 = 不是 UTF-8 编码的文本；请另存为 UTF-8 编码
layout-role-missing = 缺少字体角色 [roles.{ $role }]
layout-column-widths = [table.columns] { $name }：请为每列给出一个正数宽度
layout-statistics-widths = [table.columns] statistics：请给出三个宽度（名称、单位、每个数值列）
layout-empty-grid = 版心至少应有一行、每行至少一个字
layout-no-room = 页边距过大，版心没有位置

# 生成各格式。
typst-bad-date = { $date } 不是 Typst 可用的日期
ofd-font-subset = 无法为 OFD 文件提取字体 { $family } 的子集（{ $why }）
typst-data-failed = 无法写出模板数据：{ $why }
typst-no-packages = { $spec }：不能使用 Typst 包，因为 report 离线生成，模板只能是其自身的 report.typ；请把模板所需的内容从包中复制到 report.typ
docx-pack-failed = docx-rs 无法写出文件包：{ $why }

# 批量生成及其清单。
batch-input-not-a-file = { $input }：这是{ $what }，不是报告文件或文件夹；请指定报告文件或其所在文件夹
batch-input-bad-pattern = { $input }：不是文件、文件夹或通配符（{ $why }）
batch-input-nothing = { $input }：文件或文件夹不存在，也没有与之匹配的文件
batch-crashed = { $file }：report 因内部错误停止（{ $message }）；这是程序缺陷，请连同此文件一并反馈
batch-a-warning = 一条警告
batch-warnings-denied = { $first }（已设定警告视为错误：--deny-warnings）
batch-not-rendered = 未生成
manifest-too-large = 大于 { $mb } MB
manifest-outside = { $path }：不在清单所在文件夹之内；清单以相对路径列出各输出，此项未予打开
manifest-changed = { $path }：批量生成后已被改动（sha256 不一致）

# --verbose。
verbose-session = 模板 { $template }；字体 { $faces } 款，内置字体取自 { $fonts }
verbose-role = 角色 { $role }：中文 { $cjk }，西文和数字 { $latin }
verbose-role-one = 角色 { $role }：{ $cjk }
verbose-checked = { $file }：已检查，错误 { $errors } 处，警告 { $warnings } 处
verbose-wrote = 已写入 { $path }（{ $bytes } 字节）

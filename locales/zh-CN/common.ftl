# 各命令共用的提示。编号用小写连字符，前缀为所属部分。

# 目录自检：占位与数量。
i18n-selftest = { $name }：{ $count }个文件

# 检查结果和错误的开头（diag）。
diag-error = 错误
diag-warning = 警告
diag-help = 修改建议：
diag-hint = 提示：
diag-error-prefix = 错误：

# 使文件或整个任务无法继续的错误（error::Error）。
error-read = 无法读取 { $path }：{ $why }
error-not-utf8 = { $path } 不是 UTF-8 编码的文本（第 { $line } 行第 { $column } 列起有无法识别的字节），请另存为 UTF-8 编码
error-typst = 模板 { $template } 编译失败
error-render = 生成 { $format } 失败：{ $message }
error-manifest = { $path } 不是报告清单（{ $message }）
error-previous = --previous：{ $why }
error-write = 无法写入 { $path }：{ $why }

# 读写文件的错误。
io-not-found = 文件或文件夹不存在
io-permission-denied = 没有访问权限
io-is-a-folder = 这是文件夹，不是文件
io-not-a-folder = 路径中有一级是文件而不是文件夹
io-already-exists = 已经存在
io-storage-full = 磁盘已满
io-read-only = 磁盘为只读

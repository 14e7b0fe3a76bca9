# 字体：查找、加载，以及本机已安装规范字体的提示（fonts、cmd/fonts）。

fonts-bundled-empty = 随附字体文件夹 { $dir } 中没有字体文件；请将 { $env } 设为 report 的 fonts 文件夹
fonts-no-font-dir = --font-dir { $dir }：文件夹不存在
fonts-no-role-font = “{ $role }”没有可用字体：{ $dir } 及 --font-dir 指定的文件夹中均无 { $families }
fonts-env-no-folder = { $env }={ $dir }：文件夹不存在
fonts-bundled-not-found = 找不到 report 随附的字体文件夹；请将 { $env } 设为发布包或代码库中的 fonts 文件夹
fonts-face-unreadable = 其中第{ $index }个字体无法读取（{ $why }）
fonts-table-past-end = 其中的“{ $table }”表结束于第{ $end }字节，超出文件长度（{ $len }字节），文件不完整
fonts-damaged = 字体文件 { $path } 已损坏：{ $why }。请换用完好的文件，或将其移出所在文件夹
fonts-bundled-folder = 随附字体：{ $dir }
fonts-official-face = { $family }（{ $path }，本次使用 { $used } 替代）
fonts-list-separator = ；
fonts-official-installed = 提示：本机已安装以下字体但未使用：{ $faces }。请用 --system-fonts 使用本机字体（或用 --font-dir 指定其所在文件夹，或在 report.toml 中写 system-fonts = true）
fonts-system-looked-at = 已查看本机已安装的 { $count } 个字体文件的名称（{ $ms } 毫秒）

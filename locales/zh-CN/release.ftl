# 补全脚本、手册页和 report.toml（cmd/completions、config）。

cli-completions-about = 输出 report 的命令行补全脚本（bash、zsh、fish、powershell、elvish）
cli-completions-after =
    示例：
      report completions bash > ~/.local/share/bash-completion/completions/report
      report completions zsh > ~/.zfunc/_report
      report completions fish > ~/.config/fish/completions/report.fish
      report completions powershell >> $PROFILE
cli-completions-arg-shell = 补全脚本适用的命令行程序
cli-man-about = 输出 report 的手册页（roff 格式），或将每个命令的手册页写入文件夹
cli-man-after =
    示例：
      report man | man -l -
      report man -o man/
cli-man-arg-output_dir = 将 report.1 及各命令的手册页（report-render.1 等）写入该文件夹，不在屏幕上输出
man-written = 已生成 { $path }
man-section-name = 名称
man-section-synopsis = 用法
man-section-description = 说明
man-section-options = 选项
man-section-subcommands = 命令
man-section-extra = 示例与退出状态
man-section-version = 版本

config-error-at = { $path } 第 { $line } 行第 { $column } 列：{ $message }
config-error = { $path }：{ $message }
config-too-large = 文件超过 { $mb } MB；report.toml 只应写几行设置
config-not-utf8 = 文件不是 UTF-8 编码，请另存为 UTF-8
config-syntax = 不是有效的 TOML 格式（{ $why }）；每项设置应写为“键 = 值”，如 formats = ["pdf", "docx"]
config-wrong-type = “{ $key }”应为{ $expected }（如 { $example }），而不是{ $found ->
    [string] 字符串
    [integer] 整数
    [float] 小数
    [boolean] true 或 false
    [datetime] 日期
    [array] 数组
    [table] 表
   *[other] { $found }
}
config-expect-bool = 逻辑值 true 或 false
config-expect-folders = 文件夹名称的数组
config-expect-folder = 加引号的文件夹名称
config-expect-formats = 输出格式的数组（pdf、docx、html、html-fragment、ofd）
config-unknown-format = “{ $value }”不是输出格式，应为 pdf、docx、html、html-fragment 或 ofd
config-no-folder = “{ $key }”：文件夹 { $dir } 不存在，请新建该文件夹或改正名称（相对于 report.toml 所在文件夹）
config-unknown-key = 无法识别的设置项“{ $key }”；report.toml 可写的设置项为 { $keys }
config-did-you-mean = ；是否应为“{ $key }”？
config-used = 使用设置文件 { $path }
config-key-separator = 、

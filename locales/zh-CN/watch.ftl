# report watch：命令、帮助和运行时的提示（cmd::watch），以及所提供的网页（live）。

cli-watch-about = 每次保存后自动重新生成报告，按 Ctrl-C 结束；输出格式含 html 时在 127.0.0.1 提供网页并自动刷新
cli-watch-after =
    示例：
      report watch 2024.yaml                        生成 2024.pdf 和 2024.docx，每次保存后重新生成
      report watch 2024.yaml --format html          生成门户网站网页，在浏览器中打开提示的地址
      report watch 2024.yaml --format pdf,html -o out/
      report watch 2024.yaml --previous 2023.yaml --port 8800

    请在编辑器（或 WPS）旁保持本窗口打开：每次保存后自动检查并重新生成，检查结果随之更新。
    有错误的版本不予生成，上次生成的输出保持不变。同时监视上一年度报告和 --template 指定的模板文件夹。
    按 Ctrl-C 结束（退出状态为 0）。
cli-watch-arg-file = 报告文件（YAML）
cli-watch-arg-output_dir = 输出文件夹（不存在时自动创建）；默认与报告文件同一文件夹
cli-watch-arg-format = 输出格式，多个用逗号分隔：pdf、docx、html（门户网站网页 X.html，同时在 127.0.0.1 提供并随保存自动刷新）、html-fragment（X.fragment.html）、ofd（X.ofd）
cli-watch-arg-port = 输出格式含 html 时，网页在 127.0.0.1 上使用的端口（默认：自动选用空闲端口）

watch-stdin = report watch 须监视文件，不能读取标准输入（-）；请将报告保存为文件后指定该文件
watch-not-a-file = { $file }：请指定要监视的报告文件
watch-separator = ── { $time } { $file } ──
watch-list-separator = 、
watch-rendered = { $time } 已生成 { $files }
watch-kept = { $time } 报告有错误，保留上次的输出；改正后保存即重新生成
watch-nothing-yet = { $time } 报告有错误，未生成输出；改正后保存即生成
watch-failed = { $time } 未能生成，保留上次的输出
watch-template-error = { $time } 无法加载模板或字体，未生成输出；改正后保存即重新生成
watch-open = 在浏览器中打开 { $url }
watch-watching = 正在监视 { $file }：每次保存后自动检查并重新生成；按 Ctrl-C 结束
watch-stopped = 已停止监视 { $file }

error-watch = 无法监视 { $path } 的修改：{ $why }
error-serve = 无法在 127.0.0.1:{ $port } 提供网页：{ $why }；请用 --port 另选端口，或不指定端口以自动选用空闲端口

live-lang = zh-CN
live-not-yet = 尚未生成：报告有错误。改正后保存，本页即显示报告。
live-notice-errors = 报告有错误，此处显示的是上次生成的版本；改正后保存，本页自动刷新。
live-notice-failed = 未能生成报告，此处显示的是上次生成的版本。

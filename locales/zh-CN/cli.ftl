# 命令行：各命令和选项的用途（编号规则见 cli::command）。

cli-usage-heading = 用法：
cli-usage-options = [选项]
cli-commands-heading = 命令：
cli-command-value-name = 命令
cli-arguments-heading = 参数：
cli-options-heading = 选项：
cli-value-separator = 、
cli-possible-values = （可选：{ $values }）
cli-default-value = （默认：{ $value }）

cli-about = 将 YAML 格式的政府信息公开工作年度报告生成符合 GB/T 9704—2012《党政机关公文格式》的 PDF、DOCX 和网页
cli-after =
    示例：
      report render reports/chongqing-2014.yaml
      report render 2023.yaml 2024.yaml -o out/
      report render 2014.yaml --pdf-standard a-2b

    系统语言为中文时以中文提示，否则以英文提示；可用 --lang zh|en 或 REPORT_LANG=zh|en 指定。

cli-arg-help = 显示帮助
cli-arg-version = 显示版本号
cli-arg-lang = 提示和帮助的语言：zh（中文）或 en（英文）；默认依系统语言或 REPORT_LANG
cli-arg-quiet = 只显示错误和检查结果，不显示进度和汇总
cli-arg-verbose = 同时显示每一步的情况：所用字体和模板，读取和写入的文件
cli-arg-color = 提示是否彩色显示：auto（在终端中彩色，设置 NO_COLOR 时除外）、always（始终）、never（从不）

cli-help-about = 显示本帮助或指定命令的帮助
cli-help-arg-subcommand = 要查看帮助的命令

cli-render-about = 将报告生成 PDF 和 DOCX（或网页、OFD），输出到报告所在文件夹或 -o 指定的文件夹
cli-render-after =
    示例：
      report render reports/chongqing-2014.yaml          生成 reports/chongqing-2014.pdf 和 .docx
      report render a.yaml b.yaml -o out/                生成 out/a.pdf、out/a.docx、out/b.pdf、out/b.docx
      report render 2014.yaml --format pdf               只生成 PDF
      report render 2014.yaml --format html              生成门户网站网页
      report render 2014.yaml --pdf-standard a-2b        生成供归档的 PDF/A-2b
      report render 2014.yaml --font-dir ~/official-fonts  使用该文件夹中的标准字体

    生成前先检查报告（同 report check）：有警告的照常生成并显示警告，有错误的不予生成。

    退出状态：0 全部生成；1 报告有错误（使用 --deny-warnings 时含警告）；
    2 无法读取、解析或写入文件。
cli-render-arg-files = 报告文件（YAML）
cli-render-arg-output_dir = 输出文件夹（不存在时自动创建）；默认与报告文件同一文件夹
cli-render-arg-format = 输出格式，多个用逗号分隔：pdf、docx、html（门户网站用的独立网页 X.html）、html-fragment（只含正文、样式内嵌，供网站编辑器粘贴，X.fragment.html）、ofd（OFD 版式文件，GB/T 33190，版面与 PDF 相同）

cli-arg-pdf_standard = PDF 遵循的标准：1.7、a-2b（供归档）、a-2u（在 a-2b 基础上保证文字可提取为 Unicode）、a-3b
cli-arg-embed_fonts = 在 DOCX 中嵌入允许嵌入且可编辑的内置字体（内置字体中为数字和西文所用的 Liberation Serif），供未安装该字体的计算机使用
cli-arg-deny_warnings = 将警告视为错误
cli-arg-no_deny_warnings = 不将警告视为错误，即使 report.toml 中写有 deny-warnings = true
cli-arg-allow_errors = 报告有错误也生成：用于按原样印出已公开的报告，或查看草稿。检查结果照常显示，退出状态仍为 1，批量生成时 summary.json 和 manifest.json 会标注此类输出
cli-arg-previous = 同一机关上一年度的报告，用于 X-CARRY、X-INFORCE、S-COPY 检查（默认：报告所在文件夹中同一机关上一年度的报告，如有）
cli-arg-template = 模板文件夹，内含 report.typ 和 layout.toml（默认：内置的 GB/T 9704 模板）
cli-arg-font_dirs = 同时加载该文件夹中的字体（可多次指定），如标准的仿宋_GB2312；内置字体文件夹按 REPORT_FONT_DIR、程序所在文件夹、源代码目录的顺序查找
cli-arg-system_fonts = 同时使用本机已安装的字体（默认不使用，以免输出因计算机而异）
cli-arg-no_system_fonts = 只使用随附字体和 --font-dir 文件夹中的字体，即使 report.toml 中写有 system-fonts = true

cli-check-about = 按审核规则检查报告，不生成文件
cli-check-after-head =
    示例：
      report check 2014.yaml
      report check districts/*.yaml --format json    每条检查结果输出一个 JSON 对象
      report check 2014.yaml --deny-warnings           有警告也视为不通过

    检查规则（详见 README）：
cli-check-rule = { $catches }（{ $severity }）
cli-check-after-tail =
    退出状态：0 无问题；1 有错误（使用 --deny-warnings 时含警告）；
    2 无法读取或解析文件，或用法有误。
cli-check-arg-files = 报告文件（YAML）
cli-check-arg-format = 检查结果的输出方式：text 供人阅读（标准错误），json 供程序读取（标准输出，每行一个对象）

cli-init-about = 新建报告：写出开头语和各部分，2021 年版和 2019 年版格式还写出各表（数字均为 0）
cli-init-after =
    示例：
      report init --format standard_2021 --issuer 某区人民政府 --year 2024 -o 2024.yaml
      report init --format trial_2019 --issuer 某区人民政府 --year 2020 -o 2020.yaml
      report init --issuer 某局 --year 2024
cli-init-arg-format = 报告格式：standard_2021（2021 年版统计表）、trial_2019（2019 年试行版统计表）、free_form（2019 年以前的自由格式：各部分和自定表格）
cli-init-arg-issuer = 发布报告的机关，如 某区人民政府
cli-init-arg-year = 报告所属年度
cli-init-arg-output = 要写入的文件（默认：report-年度.yaml）
cli-init-arg-force = 文件已存在时覆盖

cli-batch-about = 并行生成多份报告到同一文件夹，并写出汇总和清单
cli-batch-after =
    示例：
      report batch districts/ -o out/
      report batch 'reports/**/*.yaml' -o out/ --jobs 2 --format pdf
      report batch all/ -o out/ --shard 2/8      八等分中的第二份（分法固定）

    每份报告生成 OUT/<名称>.pdf 和 .docx，另写出 OUT/summary.json 和 OUT/manifest.json
    （每个输出及其源文件的 sha256）；2021 年版报告还汇总为 OUT/rollup.csv 及各格式的汇总表。
    同一机关上一年度的报告从本批输入中查找。
    退出状态：0 全部生成；1 部分未生成；2 批量任务无法运行。
cli-batch-arg-paths = 文件夹（查找其中的 *.yaml）、文件或通配符
cli-batch-arg-output_dir = 存放全部输出、summary.json 和 manifest.json 的文件夹（不存在时自动创建）
cli-batch-arg-jobs = 同时生成的报告数（默认：每个处理器核心一份）
cli-batch-arg-shard = 只处理排序后输入的 N 等分中的第 K 份（从 1 起），如 2/8
cli-batch-arg-format = 输出格式，多个用逗号分隔：pdf、docx、html、html-fragment、ofd（含 html 时另写出 index.html 目录页）

cli-verify-about = 重新核对批量生成的 manifest.json 中的哈希值
cli-verify-arg-manifest = report batch 写出的 manifest.json

cli-data-about = 输出模板读取的数据（/report.json），供模板作者使用（也可用 Typst 命令行编译报告：report.typ、layout.toml 和此文件）
cli-data-arg-file = 报告文件（YAML）

cli-fonts-about = 列出可用字体及模板各角色所用的字体名称
cli-fonts-after =
    示例：
      report fonts
      report fonts --font-dir ~/official-fonts    确认已找到仿宋_GB2312

# 用法错误（代替 clap 的英文提示）。
cli-error-unknown-argument = 无法识别的参数“{ $arg }”
cli-error-unknown-command = 没有“{ $command }”这个命令
cli-error-invalid-value = “{ $value }”不是 { $arg } 可取的值；可取：{ $valid }
cli-error-empty-value = { $arg } 需要一个值
cli-error-bad-value = { $arg } 的值“{ $value }”无效：{ $why }
cli-error-missing-argument = 缺少必需的参数：{ $arg }
cli-error-conflict = { $arg } 不能与 { $other } 同时使用
cli-error-suggest = {"  "}提示：是否要用“{ $suggestion }”？
cli-error-more-help = 详细用法请运行 --help。

# 各选项自身的校验提示。
cli-jobs-invalid = { $value }：请给出 1 或更大的报告数
cli-issuer-empty = 请写明发布报告的机关，如 某区人民政府
cli-issuer-one-line = 发布机关应为一行文字，不得含换行或控制字符
cli-shard-syntax = 分片应写为 K/N，如 2/8
cli-shard-k-number = K 应为数字
cli-shard-n-number = N 应为数字
cli-shard-range = { $k }/{ $n }：K 应在 1 到 N 之间

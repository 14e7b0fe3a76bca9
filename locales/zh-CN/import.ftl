# report import（src/import、src/cmd/import.rs）。

cli-import-about = 将已发布的报告（浏览器保存的门户网站页面 .html、.docx 或 .txt）转换为报告 YAML 文件，并进行检查
cli-import-after =
    示例：
      report import 2023年报告.docx -o 2023.yaml
      report import 2023年报告.html -o 2023.yaml
      report import report.txt --format free_form
    导入时列出已识别的内容（标题行、部分、小节、条目、表格及单元格）和未能识别的每段文字；未能识别的文字同时列于 YAML 文件末尾“# 未能识别”之下。随后按 report check 的规则检查结果，退出状态与其相同：0 无问题，1 有错误，2 无法运行。
cli-import-arg-file = 已发布的报告：在浏览器中保存的门户网站页面（.html、.htm，或以单个文件保存的 .mhtml，自动找出正文）、Word .docx 文件，或 .txt 文件（每行一段，或以连续空格分段）
cli-import-arg-output = 要写入的 YAML 文件（默认：与输入文件同名、扩展名为 .yaml，位于同一文件夹）
cli-import-arg-format = 报告格式（默认：识别出三张统计表时，按表二的式样取 standard_2021 或 trial_2019，否则取 free_form）
cli-import-arg-force = 输出文件已存在时予以替换

import-origin-line = 第{ $line }行
import-origin-paragraph = 第{ $paragraph }段
import-origin-cell = 表{ $table }第{ $row }行第{ $column }列
import-origin-file = 整个文件
import-docx-not-zip = 不是 Word .docx 文件（不是 zip 包），请在 Word 中另存为 .docx
import-docx-no-document = 不是 Word .docx 文件（缺少 word/document.xml），请在 Word 中另存为 .docx
import-docx-bad-xml = 其中 word/document.xml 无法读取（{ $why }），请在 Word 中打开后重新保存
import-yaml-header =
    由 report import 从 { $source } 导入，使用前请通读核对。
    标题序号按顺序自动生成，此处不写。
import-issuer-placeholder = 待填写：发布机关
import-renumbered = 所写序号 { $typed } 不连续，已按顺序重新编号
import-unknown-kind = report import 只能读取 .html 和 .mhtml（在浏览器中保存的门户网站页面）、.docx 和 .txt 文件，请将报告另存为其中一种格式
import-too-large = 文件超过 { $megabytes } MB，不是报告文件
import-empty = 文件中没有文字
import-no-year = 标题和正文中没有年度（如 2023年），请在标题中写明年度后重新导入
import-same-file = { $path } 是正在导入的文件，请用 -o 指定其他输出文件
import-exists = { $path } 已存在，请用 -o 另取文件名，或用 --force 替换
import-does-not-load = 导入的 YAML 无法读取（{ $why }），请报告此问题
import-recognised = { $file }：{ $format }，标题{ $titles }行，部分{ $parts }个，小节{ $sections }个，条目{ $items }个，段落{ $paragraphs }段，表格{ $tables }张（单元格{ $cells }个）
import-typed-tables = 已按统计表格式识别：表{ $tables }
import-signature = 已识别落款和日期
import-all-placed = 全部文字均已识别
import-unplaced = 有{ $count }段文字未能识别（已列于 YAML 文件末尾“# 未能识别”之下）：
import-written = 已生成 { $path }
import-check-clean = 检查：未发现问题
cli-import-arg-previous_year = 将文件作为上年报告，生成本年报告框架：年度加一，上年正文保留在“待填写：”之后（改写前检查不予通过），统计表数字清零，上年结转取自上年的结转下年度继续办理
import-advanced = 已改为{ $year }年：{ $marked }段正文和条目保留上年文字并标注“待填写：”，请逐一改写
import-carried = 上年结转已取自上年的结转下年度继续办理；统计表其余数字为0，请填写
import-html-no-article = 页面中没有正文，请在浏览器中打开报告本身的页面（不是年报列表页）保存后重新导入
import-html-bad-bytes = 部分字节不是 { $encoding } 编码的文字，已显示为 �；页面保存时的编码与其声明的不一致，请在浏览器中重新保存
import-html-image = 图片（{ $name }）未导入，报告的 YAML 不含图片
import-mhtml-not-mime = 不是以单个文件保存的网页（.mhtml 应为 MIME 格式），请在浏览器中重新保存该页面
import-mhtml-no-page = 保存的文件中没有 HTML 页面，请在浏览器中重新保存报告页面

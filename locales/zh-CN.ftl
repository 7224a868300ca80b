# resplist 的中文提示。每条都要和 en.ftl 一一对应、参数相同（有测试检查）。
# 写给编办和各部门填报人员看：用平常的话说清楚哪里错了、怎么改；
# 代码、编号、路径和 TOML 的键名（如 `name`）照原样写。

## 级别和表头

level-error = 错误
level-warning = 警告
level-help = 提示
code-table-head = | 代码 | 级别 | 问题 |
markdown-table-head = | | 代码 | 位置 | 问题 | 怎么改 |

## `check` 最后一行的汇总

check-summary-unread = { $entries ->
        [0] {""}
       *[other] ；另有 { $entries } 条内容没能读出
    }{ $files ->
        [0] {""}
       *[other] ；{ $files } 个文件没能读出
    }
check-summary = { $name }：{ $departments } 个部门，主要职责 { $duties } 条，具体工作事项 { $items } 条，职责边界 { $boundaries } 项，事中事后监管制度 { $supervision } 项，公共服务事项 { $services } 项{ $unread } — { $errors } 个错误，{ $warnings } 个警告
summary-errors = { $n } 个错误

## 各代码的名称（README 中的表）

code-E0001 = 文件不是 UTF-8 编码
code-E0002 = 文件读不出来
code-E0003 = 文件太大
code-E0004 = 文件是空的
code-E0005 = 没有 `departments/` 文件夹
code-E0006 = 没有部门文件
code-E0101 = 格式写法有误
code-E0102 = 不认识的项
code-E0103 = 必填项没有填
code-E0104 = 值的类型不对
code-E0105 = 值不在可选范围内
code-E0106 = 编号写法不对
code-E0107 = 没有这个科室
code-E0108 = 没有这项权力
code-E0109 = 没有这个部门
code-E0110 = 编号重复
code-E0111 = 电话号码写法不对
code-E0112 = 网址写法不对或不安全
code-E0113 = 该用英文标点的地方用了中文标点
code-E0114 = 搜索设置没法使用（示例搜索词是空的，或同义词组写得不对）
code-E0115 = 职责边界的对应事项不在事项目录（`topics.toml`）里
code-E0116 = 同一个行政区有两项职责边界对应同一个事项
code-E0117 = 工作区的成员不是一个能读的清单项目
code-E0201 = 具体工作事项对应的权力不是“保留”状态
code-E0202 = 转移或委托下放的权力没写承接单位
code-E0203 = 协办部门写成了牵头部门自己
code-E0204 = 协办部门重复
code-E0205 = 两项职责边界名称相同
code-E0206 = 模拟案例步骤由边界以外的部门处置
code-E0207 = 权力类监管制度没写监管的权力
code-E0208 = 监管的权力状态与监管类别不符
code-W0001 = 指向项目外的链接没有读取
code-W0201 = 取消、转移或委托下放的权力没有监管制度
code-W0202 = 行政许可没有监管制度
code-W0203 = 主要职责下没有具体工作事项
code-W0204 = 科室没有承担任何事项
code-W0205 = 权力事项没有被引用
code-W0206 = 部门没有公共服务事项
code-W0207 = 协办部门在模拟案例中没有处置步骤
code-W0208 = 模板里的示例内容还没有改
code-W0209 = 两项职责边界像是同一件事，却由不同部门牵头

## 查找和读取文件

cannot-open-project = 打不开项目文件夹 `{ $dir }`
project-not-a-directory = `{ $dir }` 不是文件夹：请给出放着 resplist.toml 的那个文件夹
cannot-read-project = 读不了项目文件夹 `{ $dir }`
no-site-file = `{ $dir }` 里没有 resplist.toml，这不是一个责任清单项目：请给出放着 resplist.toml 的文件夹，或者先用 `resplist init` 新建一个（见 docs/format.md）
no-departments-dir = 项目里没有 `departments/` 文件夹
no-departments-dir-help = 请在 resplist.toml 旁边新建 `departments/` 文件夹，每个部门在里面放一个 `<编号>.toml` 文件
no-department-files = `departments/` 文件夹里没有部门文件
no-department-files-help = 每个部门一个文件，文件名就是部门编号，例如 `departments/huanbao.toml`，文件里至少写一行 `name = "…"`
duplicate-department-id = 部门编号 `{ $id }` 有两个文件在用
duplicate-department-id-help = 文件名（去掉 .toml）就是部门编号，不能重复：请把这个文件或 `{ $other }` 改个名字
reserved-file-name = `{ $stem }` 是 Windows 留给设备用的名字，不能做文件名
reserved-file-name-help = 名为 `{ $stem }.toml` 的文件在 Windows 上无法下载和发布（con、prn、aux、nul、com1–com9、lpt1–lpt9 都不行）：请改个文件名，例如 `{ $stem }-ju.toml`
bad-file-name = 文件名 `{ $stem }.toml` 不能做部门编号
bad-file-name-help = 文件名（去掉 .toml）就是部门编号，只能用小写英文字母、数字和连字符 `-`，以字母或数字开头，最长 64 个字符（例如 `huanbao.toml`）；部门的中文名称写在文件里的 `name = "…"`
link-folder-outside = `{ $path }` 是指向项目外文件夹的链接，里面的文件都没有读取
link-folder-outside-help = 请把那个文件夹直接放进项目里，不要用链接
toml-folder = `{ $path }` 是文件夹，不是部门文件
toml-folder-help = 这里只有文件的名字能以 `.toml` 结尾：请给这个文件夹改个名字
link-file-outside = `{ $path }` 是指向项目外文件的链接，没有读取
link-file-outside-help = 请把那个文件复制到项目里，不要用链接
folder-loop = 这个文件夹是一个链接，又指回了它的上级文件夹
folder-loop-help = 请删掉这个链接
link-loop = 这是一个指向自己（或绕成一圈）的链接
link-loop-help = 请删掉这个链接，或让它指向项目里的一个真实文件
cannot-read-folder = 读不了这个文件夹：{ $reason }
folder-permission-help = 你没有打开这个文件夹的权限：请修改权限（`chmod u+rx`）或请管理员处理
folder-check-help = 请确认这个文件夹存在，而且你有权限读取
too-large = 文件超过了 { $mib } MiB
too-large-help = 部门责任清单远比这小：请确认这是部门文件，而不是导出的数据或备份
cannot-read-file = 读不了这个文件：{ $reason }
file-link-loop-help = 这是一个指向自己（或绕成一圈）的链接：请删掉它
file-permission-help = 你没有读这个文件的权限：请修改权限（`chmod u+r`）或请管理员处理
file-missing-help = 文件不见了，或者是一个失效的链接：请删掉链接或把文件找回来
file-check-help = 请确认文件存在，而且你有权限读取
utf16 = 文件是 UTF-16 编码，不是 UTF-8
utf16-help = 请另存为 UTF-8：用记事本或 WPS 打开这个文件，“另存为”时把“编码”选为 UTF-8；在 Linux 或 macOS 上可用 iconv -f UTF-16 -t UTF-8 旧文件.toml > 新文件.toml
gbk = 文件不是 UTF-8 编码，看起来是 GBK（GB2312/GB18030）编码，旧版记事本等软件保存中文时常用这种编码
gbk-help = 请另存为 UTF-8：用记事本或 WPS 打开这个文件，“另存为”时把“编码”选为 UTF-8；在 Linux 或 macOS 上可用 iconv -f GBK -t UTF-8 旧文件.toml > 新文件.toml
not-utf8 = 文件不是正常的 UTF-8 文本
not-utf8-help = 请在编辑软件里把文件另存为 UTF-8；如果文件是别的软件导出的，请确认它是纯文本文件
office-file = 这是 Word、WPS 或 Excel 文档，不是纯文本文件

## 该用英文标点的地方用了中文标点（E0113）
cn-quotes = 第 { $line } 行的引号 { $open }…{ $close } 是中文引号，请切换到英文输入法，重新输入英文引号 { $wanted }…{ $wanted }
cn-punct = 第 { $line } 行的{ $name } `{ $typed }` 是中文（全角）符号，请切换到英文输入法，改为{ $wanted }
cn-punct-label = 这里要用{ $wanted }
cn-char = 英文 `{ $char }`
cn-half-width-space = 英文空格（半角空格）
cn-name-quote = 引号
cn-name-single-quote = 单引号
cn-name-comma = 逗号
cn-name-colon = 冒号
cn-name-equals = 等号
cn-name-bracket = 方括号
cn-name-brace = 花括号
cn-name-marks = 标点
cn-name-space = 全角空格
cn-punct-help = 中文输入法打出的标点是全角的。请把输入法切换到英文（半角）标点（一般按 Shift 或 Ctrl+. 切换）后重新输入这个符号；引号里面的文字照常可以用中文标点
office-file-help = 责任清单要用纯文本编写：请用记事本（或 VS Code）打开并在里面填写；要用文档里的文字，可以复制后粘贴到记事本，再以 UTF-8 编码、原来的 `.toml` 文件名保存
empty-file = 文件是空的
empty-site-file-help = resplist.toml 至少要有 `[site]` 一节，写上 `title` 和 `jurisdiction`；见 docs/format.md
empty-department-file-help = 部门文件至少要写一行 `name = "…"`；见 docs/format.md，不需要的话也可以删掉这个文件
no-site-table = resplist.toml 里没有 `[site]` 一节
no-site-table-help = 文件开头写一行 `[site]`，下面写 `title = "…"` 和 `jurisdiction = "…"`；见 docs/format.md

## 格式写法和值的类型

toml-syntax = 这里的写法有误：{ $detail }
toml-syntax-label = 这里

## 格式错误，按填写时的样子说
syntax-no-value = `{ $key }` 的等号后面没有填写内容
syntax-no-value-label = 这里缺少内容
syntax-no-value-help = 在等号后面填写内容，文字放在英文双引号里：`{ $key } = "……"`；这一项不需要的话，把这一行删掉
syntax-unquoted = 文字 `{ $value }` 没有加引号
syntax-unquoted-label = 这段文字要放在英文双引号里
syntax-unquoted-help = 改为 `"{ $value }"`，两边加英文双引号（TOML 规定文字内容都要加引号）；数字、日期和 true/false 不加引号
syntax-closing-quote = 第 { $line } 行这段文字结尾的引号是中文引号 `”`，请切换到英文输入法，改为英文 `"`
syntax-unclosed-string = 这段文字缺少结尾的引号 `"`
syntax-control-char = 这段文字在这里有一个看不见的控制字符
syntax-control-char-help = 删掉这个字符，重新输入它前后的文字（从别的软件复制来的文字有时带着这种字符）；文字要换行的，请放在 `"""` 和 `"""` 之间
syntax-unclosed-string-help = 在同一行的文字末尾补上 `"`；文字里要用英文双引号时写成 `\"`；分成几行的文字要放在 `"""` 和 `"""` 之间
syntax-unclosed-multiline = 用三个引号开始的多行文字没有结束
syntax-unclosed-multiline-help = 在文字的最后写上同样的三个引号（`"""` 或 `'''`）
syntax-backslash = 文字里的反斜杠 `\` 后面跟了不能跟的字符
syntax-backslash-help = 在双引号里，反斜杠有特殊用途（如 `\n` 表示换行）；要写反斜杠本身，请连写两个：`\\`
syntax-unclosed-list = 列表缺少结尾的 `]`
syntax-unclosed-list-help = 列表写成 `["第一项", "第二项"]`，最后用 `]` 结束
syntax-unclosed-header = 标题行缺少结尾的 `]`
syntax-unclosed-header-help = 标题行两边的方括号要成对，例如 `[[sections]]`、`[[duties.items]]`
syntax-extra = 这一行在内容后面还有多余的东西
syntax-extra-help = 每行只写一个 `名称 = 内容`；要写更多文字，放在同一对引号里，或另起一行写新的名称
syntax-no-equals = 这一行缺少等号 `=`
syntax-no-equals-help = 每行都写成 `名称 = 内容`，例如 `name = "春江县教育局"`；名称中间不能有空格
syntax-bad-key = 等号左边的名称写得不对
syntax-bad-key-help = 等号左边是字段名称，只能用英文字母、数字、`-` 和 `_`，例如 `name`、`phone`（字段表见《填写指南》）；中文内容写在等号右边的引号里
syntax-missing-comma = 列表的两项之间缺少英文逗号 `,`
syntax-missing-comma-help = 列表各项之间用英文逗号隔开：`["第一项", "第二项"]`
syntax-extra-comma = 列表里多了一个逗号
syntax-extra-comma-help = 删掉多余的逗号：两项之间只要一个 `,`
syntax-extra-equals = 这里多了一个等号 `=`
syntax-extra-equals-help = 每行只有一个 `=`，在名称和内容之间；文字里的等号要放在引号里面
syntax-bad-number = `{ $value }` 不是有效的数字或日期
syntax-bad-number-help = 日期写成 `2024-03-01` 的样子；如果这是一段文字，请放在英文双引号里：`"{ $value }"`
toml-syntax-help = 请检查这一处的写法：文字要放在英文双引号里，`[[…]]` 开始新的一条，每行是 `名称 = 值`
too-deep = 嵌套太深：方括号、花括号或点号超过了 { $max } 层
too-deep-label = 这里太深了
too-deep-help = 部门文件最多只需要三层（主要职责下的具体工作事项）：请删掉多余的方括号、花括号或点号
duplicate-key = `{ $key }` 写了两次
duplicate-key-label = 这里又写了一次
duplicate-key-help = 同一节里每一项只能写一次：请删掉或改掉其中一个（新写一行 `[[…]]` 才是开始新的一条）
missing-field = 缺少必填项 `{ $field }`
missing-field-label = 在这一节里
missing-field-top-label = 文件里没有这一行
missing-field-top-help = 请在文件开头、第一个 `[…]` 之前加一行 `{ $field } = …`；哪些项必填见 docs/format.md
missing-field-table-help = 请在 `{ $table }` 这一节里加一行 `{ $field } = …`；哪些项必填见 docs/format.md
missing-field-inline-help = 请补上 `{ $field } = …`；哪些项必填见 docs/format.md
unknown-field = 不认识的项 `{ $field }`
unknown-field-label = 这一节里没有这一项
unknown-field-help = { $suggest }{ $fields }{ $inside }
did-you-mean = 是不是想写 `{ $name }`？
did-you-mean-id = 是不是想写编号 `{ $id }`（{ $name }）？这里要写编号，不是名称。
fields-allowed = 这一节可以写的项有：{ $fields }
no-fields-allowed = 这一节不能写任何项，请删掉它
key-inside-header = 。注意这一行在 `{ $header }` 下面：每一行属于它上面最近的 `[…]`，如果它属于别处，请把它移到 `{ $header }` 上面
nested-header-help = `{ $key }` 属于另一节里面：请把这一行写成 `[[{ $path }]]`（例如具体工作事项要写成 `[[duties.items]]`，放在它所属的主要职责下面）
bad-enum = { $what }“{ $value }”不是可选的值
bad-enum-label = 不在可选范围内
bad-enum-help = { $suggest }请从下面选一个：{ $choices }（写英文或中文都可以）
wrong-type = 值的类型不对：这里写的是{ $found }，应该写{ $expected }
wrong-type-label = 应该写{ $expected }
wrong-value = 值不对：{ $detail }
wrong-value-help = 请对照 docs/format.md 检查这个值的写法
type-text = 带引号的文字
type-list = 列表
type-table = 一节
type-bool = true 或 false
type-number = 整数
type-other = { $name }
type-text-help = 文字要放在英文双引号里，例如 `name = "污染防治科"`
type-list-help = 列表用方括号，例如 `basis = ["三定方案"]`；如果是多条记录，每条写一行 `[[名称]]`
type-table-help = 这里要写成一节：用 `[名称]` 或 `[[名称]]` 开头（见 docs/format.md）
type-bool-help = 写 `true` 或 `false`，不要加引号
type-number-help = 写整数，不要加引号，例如 `order = 10`
type-other-help = 这里应该写{ $expected }；见 docs/format.md

## 单个的值

empty-field = `{ $field }` 是空的
empty-field-help = `{ $field }` 必须填写：请在引号之间写上内容
empty-list-help = `{ $field }` 至少要有一项：{ $what }
basis-needed = 写上职责依据（职责法定），例如 `basis = ["三定方案"]`
partners-needed = 至少写一个 `[[boundaries.partners]]`，包括 `department` 和 `duty`
measures-needed = 写上具体的监管措施，例如 `measures = ["每季度书面检查不少于1次"]`
empty-id = { $what }的编号是空的
empty-id-help = 请给它一个编号，例如 `d01` 或 `water-pollution`
bad-id = `{ $id }` 不能做{ $what }的编号
bad-id-help = 编号只能用小写英文字母、数字和连字符 `-`，以字母或数字开头，最长 64 个字符
bad-id-try-help = 编号只能用小写英文字母、数字和连字符 `-`，以字母或数字开头，最长 64 个字符：可以改成 `{ $id }`
duplicate-id = { $what }编号 `{ $id }` 重复了
duplicate-id-help = 本文件里已有一个{ $what }用了这个编号：每个{ $what }的编号都要不同
duplicate-id-first = 第一个用这个编号的{ $what }
reserved-boundary-id = `{ $id }` 是 Windows 留给设备用的名字
reserved-boundary-id-help = 职责边界的编号会成为网页文件名（`boundaries/<编号>.html`），这个名字在 Windows 上不能用：请换一个编号
published-not-a-date = `published` 只能写日期，不能带时间
search-example-empty = 示例搜索词是空的
search-example-empty-help = 写上群众常搜的词，例如 "油烟扰民"；用不上就把空的 "" 删掉
synonym-empty = 同义词是空的
synonym-empty-help = 写上词语，或者把空的 "" 删掉
synonym-repeated = “{ $word }”在这组同义词里写了两次
synonym-repeated-help = 删掉重复的那一个
synonym-too-few = 这组同义词只有 { $count } 个不同的词，至少要两个不同的词才能互相找到
synonym-too-few-help = 再加一个意思相同的词，例如 ["噪音", "噪声"]；用不上就把这一组删掉
published-not-a-date-help = 发布日期直接写日期，不加引号，例如 `published = 2015-10-15`
empty-phone = 电话号码是空的
empty-phone-help = 请写上号码，例如 `0571-6310 0001`；不需要的话删掉这一行
bad-phone = `{ $phone }` 不是有效的电话号码
bad-phone-help = { $problem }；例如 `0571-6310 0001` 或 `0571-6310 0001 转 8001`
phone-extension-digits = “转”或 `ext.` 后面的分机号只能是数字
phone-full-width-digits = 数字要用半角的 0–9（不要用全角数字）
phone-one-number = 一栏只写一个号码
phone-characters = 电话号码里只能有数字、空格、连字符 `-`、括号，开头可以有 +
phone-too-short = 电话号码至少要有 5 位数字
full-width-in-phone = 电话号码 `{ $phone }` 里有全角的“{ $typed }”
full-width-label = 应为 `{ $wanted }`
full-width-in-id = { $what }编号 `{ $id }` 里有全角的“{ $typed }”
full-width-in-reference = `{ $id }` 里有全角的“{ $typed }”
placeholder = 这条{ $what }的“{ $field }”还是模板里的示例内容：{ $value }
placeholder-label = 示例内容
placeholder-of = { $what }的“{ $field }”还是模板里的示例内容：{ $value }
one-lead-titles = 职责边界“{ $title }”（{ $lead }牵头）和“{ $other }”（{ $other_lead }牵头）像是同一件事
one-lead-partners = { $lead }牵头的“{ $title }”把{ $other_lead }列为协办部门，{ $other_lead }牵头的“{ $other }”又把{ $lead }列为协办部门
one-lead-label = 一件事两个牵头部门？
one-lead-elsewhere = 另一项在 { $file }；{ $help }
one-lead-other = 另一项职责边界
one-lead-help = 一件事只能有一个牵头部门：如果是同一件事，请两个部门商定由谁牵头，合并为一项职责边界，另一个部门写在它的 [[boundaries.partners]] 里作为协办部门；如果确实是两件事，请把标题改得能看出区别
placeholder-site-help = 请改成本地的实际内容。还有示例内容时 `resplist build` 不会发布网站（确需发布，加 `--allow-placeholders`）
placeholder-help = 请改成本部门的实际内容；这一条用不上的话，整条删掉。还有示例内容时 `resplist build` 不会发布网站（确需发布，加 `--allow-placeholders`）
full-width-id-help = “{ $typed }”是中文（全角）输入的：请把输入法切换到英文（半角）状态，把编号写成 `{ $id }`
full-width-help = “{ $typed }”是中文（全角）输入的：请把输入法切换到英文（半角）状态，重新输入 `{ $wanted }`
bad-link = `{ $field }` 不是可以发布的网址
bad-link-help = 请写完整的网址，以 { $schemes } 开头，中间不要有空格

## 引用

unknown-section = 没有编号为 `{ $id }` 的科室
unknown-power = 没有编号为 `{ $id }` 的权力事项
unknown-department = 没有编号为 `{ $id }` 的部门
id-list = { $ids }
id-list-more = { $ids } 等（另有 { $more } 个）
known-ids-file = { $suggest }本文件已有的{ $what }编号：{ $list }；也可以新增一个 `{ $table }`，编号写这个
no-ids-file = { $suggest }本文件还没有{ $what }：请新增一个 `{ $table }`，编号写这个
known-departments = { $suggest }本项目已有的部门编号：{ $list }；也可以新建 `departments/<编号>.toml`
no-departments = { $suggest }项目里还没有部门：请新建 `departments/<编号>.toml`
item-power-not-retained = 具体工作事项对应的权力 `{ $id }` 是“{ $status }”状态
item-power-not-retained-help = 权力清单中已取消、转移或委托下放的权力，不再列为本部门的具体工作事项：请删掉这条工作事项，或从 `powers` 里去掉这项权力

## 权力和监管

missing-delegate = 权力 `{ $id }` 的状态是“{ $label }”（`{ $status }`），但没有写明承接单位
missing-delegate-help = 请加一行 `delegated_to = "…"`，写明现在由谁行使这项权力，例如 "各乡镇人民政府（街道办事处）"
regime-without-powers = 监管制度 `{ $id }` 的类别是“{ $label }”（`{ $category }`），但没有写监管哪些权力
regime-without-powers-help = 请加一行 `powers = ["…"]`，写上它监管的、状态为“{ $label }”（`{ $status }`）的权力编号
regime-status-mismatch = 权力 `{ $id }` 的状态是“{ $status_label }”（`{ $status }`），而“{ $category_label }”（`{ $category }`）类的监管制度只监管状态为“{ $required_label }”（`{ $required }`）的权力
regime-status-mismatch-help = 请把这项权力移到相应类别的监管制度里，或者改正这项权力的 `status`（审批事项 ↔ 保留，取消权力 ↔ 取消，转移权力 ↔ 转移，委托下放权力 ↔ 委托下放）
reduced-power-unsupervised = 状态为“{ $label }”（`{ $status }`）的权力 `{ $id }`（{ $name }）没有任何监管制度
reduced-power-unsupervised-help = 减权不减责：请新增一个类别为“{ $label }”（`{ $category }`）的 `[[supervision]]` 监管制度，在 `powers` 里写上 `{ $id }`
licensing-unsupervised = 行政许可 `{ $id }`（{ $name }）没有任何监管制度
licensing-unsupervised-help = 请新增一个类别为“审批事项”（`approval`）的 `[[supervision]]` 监管制度，在 `powers` 里写上 `{ $id }`
unused-power = 权力 `{ $id }`（{ $name }）没有被任何具体工作事项或监管制度引用
unused-power-help = 请在某条具体工作事项或监管制度的 `powers` 里写上它，或者从权力清单里删掉它
duty-without-items = 主要职责 `{ $id }` 下没有具体工作事项
duty-without-items-help = 请把这条职责细化为具体工作事项：每条写一个 `[[duties.items]]`，填上 `text` 和负责的科室 `section`
unused-section = 科室 `{ $id }`（{ $name }）没有承担任何事项
unused-section-help = 请用 `section = "…"` 把某条具体工作事项、监管制度或公共服务交给它，或者删掉这个科室
no-services = 部门 `{ $id }` 没有列出公共服务事项
no-services-help = 请至少写一个 `[[services]]`（公共服务事项），填上 `id`、`title` 和 `category`

## 职责边界

partner-is-lead = `{ $id }` 是职责边界 `{ $boundary }` 的牵头部门，不能同时做协办部门
partner-is-lead-help = 职责边界写在牵头部门的文件里，协办部门只列其他部门
partner-repeated = `{ $id }` 在职责边界 `{ $boundary }` 里重复列为协办部门
partner-repeated-help = 每个协办部门只列一次，它的全部职责写在一个 `duty` 里
step-outsider = `{ $id }` 在模拟案例里有处置步骤，但它不是职责边界 `{ $boundary }` 的牵头或协办部门
step-outsider-help = 请把 `{ $id }` 加为协办部门（新增一个 `[[boundaries.partners]]`），或者把这一步交给牵头部门 `{ $lead }` 或某个协办部门
partner-not-in-case = 协办部门 `{ $id }` 在职责边界 `{ $boundary }` 的模拟案例里没有处置步骤
partner-not-in-case-help = 请新增一个 `[[boundaries.case.steps]]`，写明这个协办部门在案例中做什么
duplicate-boundary-id = 职责边界编号 `{ $id }` 重复了
duplicate-boundary-id-help = 职责边界的编号在整个项目里都不能重复：请改掉其中一个
duplicate-boundary-title = 有两项职责边界都叫“{ $title }”
duplicate-boundary-title-help = 一件事只有一个牵头部门：只保留一项职责边界，写在牵头部门的文件里，把另一个部门列为它的协办部门
first-used-here = 第一次出现在这里
first-used-in = 它第一次出现在 { $file }；{ $help }

## build

build-placeholders = 还有 { $placeholders } 处模板里的示例内容没有改（W0208），没有生成网站，已发布的网站保持不变；请改成实际内容，确需发布可加 `--allow-placeholders`
build-errors = 源文件中有 { $errors } 个错误，没有生成网站，已发布的网站保持不变（运行 `resplist check` 可再次查看这些错误）
build-failed = 生成失败，已发布的网站保持不变
build-no-history = 没有生成“动态调整记录”页面
build-unresolved = 内部错误：各项检查都通过了，但 { $reference } 找不到对应的内容，没有生成网站。这是 resplist 的缺陷，请连同项目一起报告
build-wrote = 已写入 { $pages } 个网页和 { $files } 个其他文件（共 { $size }），位置：{ $dir }，用时 { $ms } 毫秒{ $warnings ->
        [0] {""}
       *[other] ，有 { $warnings } 个警告
    }

## 发布网站

output-root-or-home = 不能用网站替换 `{ $dir }`（加 --force 也不行）：请另选一个输出文件夹，例如 `public`
output-not-a-folder-name = 不能把网站写到 `{ $dir }`：请给出一个要新建的文件夹，例如 `public`
io-not-found = 没有这个文件或文件夹
io-permission-denied = 没有权限
output-no-parent = 输出文件夹的上级文件夹 `{ $dir }` 不存在
output-cannot-resolve-project = 找不到项目文件夹 `{ $dir }`
output-is-project = 不能把网站写到 `{ $dir }`：这就是项目本身（或包含项目），生成时会删掉源文件；请另选一个输出文件夹，例如 `{ $suggestion }`
output-is-link = 不能把网站写到 `{ $dir }`：它是一个链接（指向 `{ $target }`），每次生成都会整个替换输出文件夹，替换的会是链接本身而不是它指向的地方；请直接给出真实的文件夹（`--output { $real }`）
output-is-file = `{ $dir }` 是文件，不是文件夹：请另选一个输出位置
output-read-only = 不能替换 `{ $dir }`：它是只读的，而每次生成都要整个替换这个文件夹；请把它改为可写（`chmod u+w { $dir }`），或另选一个输出文件夹
output-not-ours = 不能替换 `{ $dir }`：这个文件夹不是空的，也不是 resplist 生成的（里面没有 { $marker } 文件）；请清空它、另选一个输出文件夹，或加上 --force
output-cannot-stage = 无法创建 `{ $staging }`：网站先生成在输出文件夹旁边再换进去，所以 `{ $parent }` 必须可写；请把它改为可写，或把输出文件夹放到别处
output-cannot-retire = 无法把旧网站 `{ $dir }` 移开
output-cannot-publish = 无法把新网站放到 `{ $dir }`
cannot-read-current-dir = 读不了当前文件夹
cannot-create = 无法创建 `{ $path }`
cannot-write = 无法写入 `{ $path }`
cannot-remove = 无法删除 `{ $path }`
cannot-write-csv = 无法写入 { $table }.csv：{ $reason }
writer-stopped = 写文件的程序意外停止了
cannot-render-page = 无法生成网页 { $path }
cannot-render-template = 无法使用主题的模板 { $template }
theme-template-errors = 主题的模板有错误
theme-missing = 主题文件夹 `{ $dir }` 不存在
theme-cannot-read-dir = 读不了主题文件夹 `{ $dir }`
theme-cannot-read-file = 读不了主题文件 `{ $file }`（主题文件必须是 UTF-8 文本）
theme-builtin-strings = 内置的界面文字有误
theme-bad-strings = 主题的 { $file } 不是一张“键 = 文字”的表

## fmt

fmt-would-reformat = 需要整理：{ $file }
fmt-formatted = 已整理：{ $file }
fmt-internal-error = 内部错误：整理 `{ $file }` 时{ $problem }，文件保持原样。这是 resplist fmt 的缺陷，请连同这个文件一起报告
fmt-not-parsed = { $file } 没有格式化：请先改正上面的写法错误；fmt 读不懂的文件不会改动
fmt-read-only = 文件是只读的，fmt 不改动它
fmt-read-only-help = 如果要整理它，请先改为可写（`chmod u+w { $file }`）
fmt-cannot-write = 无法写入整理后的文件：{ $step }{ $reason }
fmt-reason = （{ $reason }）
fmt-cannot-resolve = 找不到 `{ $path }` 的实际位置
fmt-no-folder = `{ $path }` 没有所在的文件夹
fmt-cannot-read = 无法读取 `{ $path }`
fmt-cannot-create-temp = 无法在 `{ $dir }` 里建立临时文件
fmt-cannot-write-temp = 无法写入临时文件
fmt-cannot-copy-permissions = 无法让新文件沿用原文件的权限
fmt-cannot-replace = 无法替换 `{ $path }`
cannot-write-step-summary = 无法写入 GitHub 步骤摘要 `{ $path }`
fmt-cannot-write-help = 请确认你有权限修改这个文件和它所在的文件夹

## init、new、schema

unknown-language = 不认识的语言 `{ $language }`：请用 zh-CN 或 en
init-root-or-home = 不能在 `{ $dir }` 里新建项目：责任清单要放在单独的文件夹里，什么都没有写入。请给出一个文件夹，例如 `resplist init chunjiang-list`
init-project-exists = `{ $path }` 已经存在：`{ $dir }` 里已经有一个责任清单项目，什么都没有写入。可以用 `resplist check { $dir }` 检查它，用 `resplist new department` 添加部门，或者换一个文件夹
init-file-exists = `{ $path }` 已经存在，resplist 从不覆盖已有文件，什么都没有写入。请把它移开，或者换一个文件夹
init-failed = 无法在 `{ $dir }` 里新建项目，已经把写了一半的文件清理干净
init-created =
    已在 `{ $dir }` 新建责任清单项目：
      { $site }：网站的标题、行政区、语言
      { $example }：带说明的部门示例，每一项都有注释
      { $editor }：在编辑器里边写边提示、边写边检查（见 resplist 的 docs/editors.md）
      { $ignore }：不把生成的网站提交到 git

    接下来：
      1. 打开 resplist.toml，改好标题和行政区。
      2. 把 { $example } 改成真实的部门（文件名改为 `<编号>.toml`），或者用下面的命令新增一个：
         resplist new department <编号> --name "…" --project { $dir }
      3. resplist check { $dir }   （会列出还没改的示例内容，W0208）
      4. resplist build { $dir }   （示例内容都改完才会发布）
new-department-bad-id = `{ $id }` 不能做部门编号：编号只能用小写英文字母（a–z）、数字和连字符 `-`，以字母或数字开头，最长 64 个字符，例如 `huanbao` 或 `shi-jianguan`；它会成为文件名，也会出现在网址里{ $hint }
new-department-try = ：可以用 `{ $id }`
new-department-no-name = 请写上部门全称：resplist new department { $id } --name "…"，例如 --name "春江县环境保护局"
new-department-name-as-id =
    `{ $id }` 是名称，编号要用英文字母（编号会成为文件名，也会出现在网址里）。可以这样新建这个部门：
    {"  "}{ $command }
new-department-exists = 项目里已经有编号为 `{ $id }` 的部门：`{ $file }`，什么都没有写入。请换一个编号
new-department-file-exists = `{ $path }` 已经存在，resplist 从不覆盖已有文件，什么都没有写入
new-department-wrote =
    已写入 { $file }
    请把里面的示例内容换成这个部门自己的，然后运行 `resplist check { $project }`。
wrote-file = 已写入 { $file }

## git 和 diff

git-missing = 无法运行 git，是否已经安装？
git-failed = git { $command } 出错：{ $reason }
git-no-repository = `{ $dir }` 不在 git 仓库里；要比较两个文件夹，请用 --dirs 旧文件夹 新文件夹
git-bad-revision = `{ $rev }` 不是版本号：版本号不会以 `-` 开头（例如 `HEAD~1`、`main`、提交编号）
git-no-commit = `{ $rev }` 不是 `{ $repository }` 仓库里的提交
git-no-site-file = 版本 { $rev } 里没有 { $file }
git-pipe = 无法与 git cat-file 通信
git-unexpected = git 的输出不对：{ $output }
git-cannot-read = 读不了 { $path }：{ $output }
diff-title = 清单的变化：{ $base } → { $head }
diff-title-dirs = resplist diff：{ $old } → { $new }

## diff 报告和网站的“动态调整记录”页
diff-yes = 是
diff-no = 否
diff-none = （无）
diff-field = { $field }：{ $old } → { $new }
diff-field-lead = 牵头部门
diff-entry = { $what }“{ $label }”
diff-entry-within = { $parent }“{ $parent_title }”的{ $what }“{ $label }”
diff-brief = { $entry } — { $details }
diff-brief-entry = { $department }：{ $verb }{ $entry }
diff-brief-boundary = { $verb }{ $entry }
diff-brief-added = 新增
diff-brief-removed = 删除
diff-brief-changed = 修改
diff-brief-added-department = 新增部门：{ $name }
diff-brief-removed-department = 删除部门：{ $name }
diff-moved = 由第 { $from } 条移到第 { $to } 条
diff-office = 改由{ $section }承担，电话 { $phone }
diff-power-to = （{ $to }）
diff-power-unsupervised = ，但没有事中事后监管制度覆盖它
diff-power-status = { $was } → { $now }{ $to }{ $unsupervised }
diff-power-new = 新增权力，{ $now }{ $to }{ $unsupervised }
diff-lead = 牵头部门：{ $lead }
diff-lead-was = 原牵头部门：{ $lead }
diff-lead-moved = 牵头部门由{ $old }改为{ $new }
diff-partner-added = 新增协办部门：{ $partner }
diff-partner-removed = 删除协办部门：{ $partner }
diff-partner-changed = 协办部门{ $partner }的{ $field }：“{ $old }” → “{ $new }”
diff-step-added = 新增第 { $n } 步：{ $step }
diff-step-removed = 删除第 { $n } 步：{ $step }
diff-step-changed = 第 { $n } 步：“{ $old }” → “{ $new }”
diff-totals = 主要职责 { $duties } 条，具体工作事项 { $items } 条，牵头的职责边界 { $boundaries } 项，事中事后监管制度 { $supervision } 项，公共服务事项 { $services } 项
diff-no-changes = 清单内容无变化
diff-count = { $what }{ $counts }
diff-count-join = 、
diff-count-added = 新增 { $n }
diff-count-removed = 删除 { $n }
diff-count-changed = 修改 { $n }
diff-count-renamed = 改名 { $n }
diff-site = 站点设置（resplist.toml）
diff-boundaries = 职责边界
diff-checks = 检查结果
diff-now-failing = 新出现的问题：{ $problem }
diff-now-passing = 已解决的问题：{ $problem }
diff-department-renamed = → { $name }：文件改为 { $file }（原编号 `{ $from }`），内容不变
diff-md-department = { $name }
diff-md-department-added = + { $name }（新增）
diff-md-department-removed = − { $name }（删除）
diff-table-head = | | 新增 | 删除 | 修改 | 改名 |
diff-kind = { $what }
diff-lines = { $heading } — { $n } 行
diff-verb-added = **新增**
diff-verb-removed = **删除**
diff-verb-changed = 修改
diff-working-tree = 尚未提交的修改

## --help
help-usage = 用法：
help-commands = 命令：
help-arguments = 参数：
help-options = 选项：
help-command-value = 命令
help-help = 显示这份说明
help-version = 显示版本号
help-about = 把 git 仓库里的 TOML 文件（一个部门一个文件）编译成可以发布的责任清单：网站、打印版和开放数据。
help-lang = resplist 提示信息的语言：zh-CN 或 en（不写时依次看 RESPLIST_LANG、项目的语言、系统语言，都没有就用英文）
help-check = 按格式的全部规则检查项目，一次列出所有问题
help-check-dir = 项目文件夹，即 resplist.toml 所在的文件夹（不写就是当前文件夹）
help-check-format = 问题的输出格式：human（默认，给人看）、json（每行一条）、github（显示在 GitHub 拉取请求上）、gitlab（GitLab 代码质量报告）
help-check-color = 什么时候用颜色：auto（默认）、always、never
help-check-deny-warnings = 把警告也当作错误（有警告时退出码为 1）
help-build = 检查项目，并生成网站、打印版和开放数据
help-build-dir = 项目文件夹，即 resplist.toml 所在的文件夹（不写就是当前文件夹）
help-build-output = 网站写到哪个文件夹（不写时用 [build] output，再没有就是项目里的 public/）
help-build-theme = 主题文件夹，里面的文件替换内置主题的同名文件（不写时用 [build] theme）
help-build-force = 即使输出文件夹不是 resplist 建的也替换它（但绝不替换 /、用户主目录或项目本身）
help-build-quiet = 成功时什么都不显示
help-build-allow-placeholders = 还有 init 或 new 写入的示例内容（W0208）也照样发布
help-build-members = 工作区只构建这几个行政区（用逗号分隔的成员文件夹名），不生成工作区自己的网页：供持续集成分头并行构建，之后的完整构建会沿用它们的输出
help-build-color = 什么时候给警告和错误上色：auto（默认）、always、never
help-diff = 显示清单在两个版本之间的变化（git 版本或两个文件夹）
help-diff-base = 较早的版本：git 版本号（不写就是 HEAD）
help-diff-head = 较新的版本：git 版本号（不写就是工作区里的文件）
help-diff-project = git 仓库里的项目文件夹（不写就是当前文件夹）
help-diff-dirs = 比较两个项目文件夹，而不是 git 版本
help-diff-format = 变化的输出格式：human（默认，给人看）、markdown（拉取请求的评论）、json
help-diff-color = 什么时候用颜色：auto（默认）、always、never
help-diff-exit-code = 有变化时退出码为 1（同 git diff --exit-code）
help-fmt = 把源文件整理成统一的格式，保留所有注释
help-fmt-dir = 项目文件夹，即 resplist.toml 所在的文件夹（不写就是当前文件夹）
help-fmt-check = 不改动文件：只列出需要整理的文件，有的话退出码为 1
help-schema = 写出 resplist.toml 和部门文件的 JSON Schema，供编辑器提示和检查
help-schema-output = 写到哪个文件夹（不写就是当前文件夹）
help-init = 新建项目：resplist.toml、带说明的示例部门、编辑器设置
help-init-dir = 在哪个文件夹里新建项目（没有会自动创建）
help-init-language = 网站自身文字的语言：zh-CN（默认）或 en
help-import = 从 Excel 工作簿（`.xlsx`、`.xls`）或 CSV 导入责任清单，生成一个完整的项目
help-import-sources = 要导入的工作簿、CSV 文件，或装着它们的文件夹（可以写多个）
help-import-output = 新项目写到哪个文件夹（必须是空的，或加 --force）
help-import-force = 文件夹里已有内容时也写入（原有内容会被替换）
help-new = 用带说明的模板往项目里添加内容
help-new-department = 添加一个部门文件 departments/<编号>.toml
help-new-department-id = 部门编号：小写英文字母、数字和连字符，例如 `huanbao`；它就是文件名
help-new-department-name = 部门全称，例如 "春江县环境保护局"
help-new-department-project = 项目文件夹（不写就是当前文件夹）

## 命令行写错了
cli-error =
    错误：{ $message }

    用法：{ $usage }

    在命令后面加 --help 可以查看说明。
cli-unknown-argument = 这个命令没有 `{ $arg }` 这个选项{ $suggest }
cli-unknown-command = resplist 没有 `{ $command }` 这个命令{ $suggest }
cli-did-you-mean = （是不是想写 `{ $name }`？）
cli-missing-argument = 这个命令还需要 { $args }
cli-missing-command = 请写上要做什么，例如 check 或 build
cli-invalid-value = { $arg } 不能取 `{ $value }`，可以取：{ $valid }
cli-conflict = { $arg } 不能和 { $other } 一起用
cli-bad-usage = 命令写得不对（{ $detail }）
help-options-value = [选项]
help-value-dir = 文件夹
help-value-format = 格式
help-value-color = 何时
help-value-lang = 语言
help-value-output = 文件夹
help-value-members = 成员
help-value-theme = 文件夹
help-value-base = 旧版本
help-value-head = 新版本
help-value-project = 文件夹
help-value-old = 旧文件夹
help-value-new = 新文件夹
help-value-language = 语言
help-value-id = 编号
help-value-name = 名称
help-value-source = 文件
help-value-port = 端口
help-value-bind = 地址
cli-error-no-usage =
    错误：{ $message }

    在命令后面加 --help 可以查看说明。
cli-did-you-mean-either = （是不是想写 `{ $first }` 或 `{ $second }`？）

## import
import-no-such-source = 找不到这个文件或文件夹
import-cannot-read = 读不出来：{ $error }
import-too-large = 文件有 { $size }，超过了 { $limit } 的上限。请把工作簿按部门拆成几个文件再导入
import-unpacks-too-large = 这个工作簿解压后有 { $size }，超过了 { $limit } 的上限，可能已损坏或被做了手脚，没有读取
import-not-a-spreadsheet = 这不是表格文件。能导入的是 Excel 工作簿（`.xlsx`、`.xls`）、WPS 或 LibreOffice 表格（`.ods`）和 CSV 文件
import-broken-workbook = 工作簿读不出来，可能已损坏，或者不是 Excel 格式：{ $error }。请用 Excel 或 WPS 打开后另存为 `.xlsx` 再导入
import-password = 工作簿设置了打开密码，没法读取。请在 Excel 或 WPS 里去掉密码（文件 → 信息 → 保护工作簿）后另存，再导入
import-too-many-cells = 工作表“{ $sheet }”的单元格太多，没有读取
import-broken-csv = CSV 文件读不出来：{ $error }
import-no-files = 没有找到可以导入的文件（`.xlsx`、`.xls`、`.ods` 或 `.csv`）
import-file-problem = { $file }：{ $why }
import-nothing = 没有导入任何内容：所有工作表里都找不到能认出的表头（如“主要职责”“具体工作事项”“责任科室”）。能认出的表头见 docs/import.md
import-all-empty = 没有导入任何内容：工作表都是空的
import-cannot-write = 没能写入 { $dir }
import-file-header = 由 `resplist import` 从 { $sources } 导入
import-site-header = 由 `resplist import` 从 { $sources } 导入的责任清单
import-default-title = { $jurisdiction }政府部门责任清单
import-todo-power-kind = 权力事项“{ $name }”的类别没有填或认不出（原来写的是：{ $written }），暂时写成了“其他”（`kind = "other"`），请改成实际的类别
import-todo-delegated-to = 权力事项“{ $name }”已下放或转移，请写上承接单位（`delegated_to`）
import-todo-steps = 职责边界“{ $title }”的模拟案例还没有处置步骤，请在 `[boundaries.case]` 下面按顺序写 `[[boundaries.case.steps]]`
import-todo-category = “{ $title }”的类别没有填或认不出（原来写的是：{ $written }），暂时写了一个，请改成实际的类别
import-noted-duty = 主要职责的备注
import-noted-item = 具体工作事项的备注
import-noted-service = 公共服务事项的服务内容
import-done = 已从 { $files } 个文件导入 { $departments } 个部门，写到 { $dir }
import-unreadable = 没能读取 { $file }：{ $why }
import-empty-sheets = 空白的工作表（没有内容，已略过）：{ $sheets }
import-skipped-head = 跳过的行（{ $count } 行），请核对：
import-skip-repeated-header = 重复的表头
import-skip-total = 合计行
import-skip-no-key = 这一行没有能认出的事项（如主要职责、具体工作事项、边界事项、制度名称、服务事项）
import-skip-no-header = 这张表找不到能认出的表头
import-orphans-head = 认不出归属的行（{ $count } 行），没有导入：
import-orphan = { $place }：认不出是哪个部门或哪项职责边界的
import-noted-head = 写进备注的单元格（{ $count } 个）：
import-noted = { $place }“{ $header }”：{ $value } → { $into }
import-dropped-head = 没有地方放、没有导入的单元格（{ $count } 个）：
import-dropped = { $place }“{ $header }”：{ $value }
import-todo-head = 还需要补充（{ $count } 处）：
import-check-hint = 运行 `resplist check { $dir }` 查看每一处问题和改法
report-indented = {"  "}{ $text }
report-place = { $place }：{ $text }
import-none-readable = 没有导入任何内容：文件都读不出来（原因见上面）
import-no-rows = 没有导入任何内容：表头认出来了，但表头下面没有内容
import-workbook-unparsable = 工作簿读不出来，可能已损坏。请用 Excel 或 WPS 打开后另存为 `.xlsx` 再导入
import-workbook-too-costly = 读取这个工作簿太久或占用内存太多，已停止读取。文件可能已损坏；请用 Excel 或 WPS 打开后另存为 `.xlsx` 再导入
import-child-said = { $en ->
       *[other] { $zh }
    }

## serve
serve-listening = 预览网站：{ $url }（改动文件后自动重新生成，打开的页面会自动刷新；按 `Ctrl-C` 停止）
serve-not-loopback = 注意：正在监听 { $address }，同一网络中的其他电脑也能打开这个预览。只在本机预览时不要加 `--bind`
serve-cannot-listen = 没能开始监听：{ $error }
serve-bad-address = `{ $address }` 不是一个网络地址，例如 `127.0.0.1`
serve-no-port = 从 { $first } 开始的端口都被占用了：{ $error }。请用 `--port` 换一个端口
serve-built = 网页已更新：重新生成了 { $pages } 个网页，用时 { $ms } 毫秒；Excel 工作簿、首页、搜索、打印版和开放数据随后更新
serve-built-downloads = Excel 工作簿、首页、搜索、打印版和开放数据已更新，又用时 { $ms } 毫秒
serve-folder-gone = 项目文件夹 { $dir } 不见了（被删除、改名或没有权限读取）。恢复后会自动重新生成
serve-not-found = 没有这个页面
serve-failure-title = 清单有错误，改正后页面会自动刷新
serve-stopped = 已停止预览
help-serve = 在本机预览网站：改动文件后自动重新生成，打开的页面自动刷新
help-serve-dir = 项目文件夹（不写就是当前文件夹）
help-serve-port = 端口（默认 8000，被占用时依次往后找）
help-serve-bind = 监听的地址（默认 127.0.0.1，只有本机能打开）
help-serve-open = 同时在浏览器里打开

workspace-summary = 合计（{ $members } 个行政区）：{ $departments } 个部门，主要职责 { $duties } 条，具体工作事项 { $items } 条，职责边界 { $boundaries } 项，事中事后监管制度 { $supervision } 项，公共服务事项 { $services } 项 — { $errors } 个错误，{ $warnings } 个警告
workspace-summary-own = 工作区文件：{ $errors } 个错误，{ $warnings } 个警告
member-bad-id = 成员 “{ $id }” 不能作为文件夹名和编号：只能用小写英文字母、数字和连字符
member-bad-id-help = 改成小写英文字母、数字和连字符，例如行政区的拼音 `fuyang`
member-twice = 成员 “{ $id }” 写了两次
member-twice-help = 删掉重复的那一个；每个行政区只列一次
member-not-a-project = 成员 “{ $id }” 不是一个清单项目：工作区里没有 { $id } 文件夹，或者文件夹里没有带 `[site]` 的 `resplist.toml`
member-not-a-project-help = 在工作区里建 { $id } 文件夹，放进这个行政区完整的清单（`resplist.toml` 和 `departments` 文件夹），或者从 `members` 里删掉 “{ $id }”
member-unreadable = 成员 “{ $id }” 读不出来：{ $reason }
topic-bad-id = 事项编号 “{ $id }” 只能用小写英文字母、数字和连字符
topic-twice = 事项编号 “{ $id }” 在事项目录里出现了两次
topic-twice-help = 每个事项只写一条 `[[topics]]`；删掉重复的，或者给它换一个编号
topic-first = 第一次出现在这里
unknown-topic = 对应事项 “{ $id }” 不在事项目录里
unknown-topic-help = 事项目录（{ $file }）里有：{ $known }。改成其中一个，或者先在 { $file } 里加上这个事项
topic-named-twice = 对应事项 “{ $id }” 已经有一项职责边界（“{ $other }”）对应了：同一个事项只能有一个牵头部门
topic-named-twice-help = 一个行政区里，一个事项只对应一项职责边界；把这两项合成一项，或者删掉其中一项的 topic（另一项在 { $file }）
workspace-not-yet = { $dir } 是一个工作区（多个行政区）：`resplist { $command }` 现在还不能整个处理工作区。可以用 `resplist check { $dir }` 检查、`resplist build { $dir }` 生成全部行政区的网站，或者对每个行政区分别运行：`resplist { $command } { $dir }/<成员文件夹>`
unknown-topic-no-catalogue-help = 工作区的事项目录（`{ $file }`）里还没有事项：先在工作区文件夹里的 `{ $file }` 中用 `[[topics]]` 加上这个事项（`id`、`title`），或者删掉这一行 `topic`
build-members = 各行政区网站：新生成 { $rendered } 个，未改动沿用 { $reused } 个
members-unknown = `--members` 中的 { $member } 不是本工作区的成员。本工作区的成员有：{ $known }
members-not-a-workspace = `--members` 只用于工作区，而 { $dir } 是单个项目：去掉 `--members` 再构建即可
diff-member = { $jurisdiction }（{ $member }）
diff-member-changed = { $member }
diff-member-added = { $member }：新加入工作区的行政区
diff-member-removed = { $member }：已不在工作区中的行政区
diff-workspace-unchanged = 各行政区的清单都没有变化。
member-reserved = 成员不能叫 `{ $id }`：工作区网站自己的网页放在这个文件夹里
member-reserved-help = 请给这个成员的文件夹换个名字，并同样修改 `members` 中的写法；这些名字已被占用：{ $reserved }
members-none = `--members` 后面没有写成员：请写出要构建的成员，用逗号分隔。本工作区的成员有：{ $known }

<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../desktop/ui/main_window.py" line="206" />
        <location filename="../../desktop/ui/main_window.py" line="209" />
        <source>actions</source>
        <extracomment>Feature modules of desktop.ui; each may define install(window) (drag and drop, timers, menus).</extracomment>
        <translation>操作</translation>
    </message>
    <message>
        <source>no dataset</source>
        <extracomment>A load that takes longer than this shows a progress dialog (QProgressDialog.minimumDuration).</extracomment>
        <translation type="vanished">无数据集</translation>
    </message>
    <message>
        <source>the bundled dataset</source>
        <translation type="vanished">内置数据集</translation>
    </message>
    <message>
        <source>Dataset problems</source>
        <translation type="vanished">数据集问题</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation type="vanished">发现的问题</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation type="vanished">复制报告</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="vanished">已复制</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="vanished">正在打开 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">取消</translation>
    </message>
    <message>
        <source>Opening dataset</source>
        <translation type="vanished">正在打开数据集</translation>
    </message>
    <message>
        <source>Opening cancelled; %1 stays open.</source>
        <translation type="vanished">已取消打开；%1 保持打开。</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n fact(s).</source>
        <translation type="vanished"><numerusform>已打开 %1：%n条事实。</numerusform></translation>
    </message>
    <message>
        <source>%1 could not be opened. %2 stays open.</source>
        <translation type="vanished">无法打开 %1。%2 保持打开。</translation>
    </message>
    <message>
        <source>(not found)</source>
        <translation type="vanished">（未找到）</translation>
    </message>
    <message>
        <source>%1 is no longer there</source>
        <translation type="vanished">%1 已不存在</translation>
    </message>
    <message>
        <source>No recent datasets</source>
        <translation type="vanished">无最近的数据集</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation type="vanished">清空列表</translation>
    </message>
    <message>
        <source>Recent &amp;datasets</source>
        <translation type="vanished">最近的数据集(&amp;D)</translation>
    </message>
    <message>
        <source>Open dataset &amp;folder…</source>
        <translation type="vanished">打开数据集文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="vanished">正在检查 %1…</translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation type="vanished">正在准备 %1…</translation>
    </message>
    <message>
        <source>Reading %1 of %2…</source>
        <translation type="vanished">正在读取 %2 中的 %1…</translation>
    </message>
    <message>
        <source>%1 is not a dataset. %2 stays open.</source>
        <translation type="vanished">%1 不是数据集。%2 保持打开。</translation>
    </message>
    <message>
        <source>Open dataset</source>
        <translation type="vanished">打开数据集</translation>
    </message>
    <message>
        <source>Datasets (*.zip *.xlsx facts.csv);;Zip archives (*.zip);;Excel workbooks (*.xlsx);;Dataset folder, by its facts.csv (facts.csv);;All files (*)</source>
        <translation type="vanished">数据集 (*.zip *.xlsx facts.csv);;Zip 压缩包 (*.zip);;Excel 工作簿 (*.xlsx);;数据集文件夹(选择其中的 facts.csv) (facts.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open dataset folder</source>
        <translation type="vanished">打开数据集文件夹</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../desktop/ui/export.py" line="184" />
        <source>%1 is a folder. Choose a file name.</source>
        <translation>%1 是一个文件夹。请选择文件名。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="190" />
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 已存在。
要替换它吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="216" />
        <source>No chart to export here.</source>
        <translation>此处没有可导出的图表。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="229" />
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="231" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="240" />
        <source>Chart saved to %1</source>
        <translation>图表已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="246" />
        <source>No chart to copy here.</source>
        <translation>此处没有可复制的图表。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="251" />
        <source>Chart copied (1920 × 1080): paste it into a slide</source>
        <translation>图表已复制（1920 × 1080）：可粘贴到幻灯片中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="261" />
        <source>Search: “%1”</source>
        <translation>搜索：“%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="268" />
        <source>All facts</source>
        <translation>全部事实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="276" />
        <source>Export facts as CSV</source>
        <translation>导出事实为 CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="279" />
        <source>There are no facts here to export.</source>
        <translation>此处没有可导出的事实。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="283" />
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="306" />
        <source>Facts</source>
        <translation>事实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="307" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="308" />
        <source>Stated by</source>
        <translation>陈述者</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="309" />
        <source>Original words</source>
        <translation>原文表述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="310" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="311" />
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="312" />
        <source>%n fact(s)</source>
        <translation>%n条事实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="365" />
        <source>Fact sheet PDF</source>
        <translation>事实简报 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="369" />
        <source>There are no facts here to put on a sheet.</source>
        <translation>此处没有可放入简报的事实。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="373" />
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="389" />
        <source>Fact sheet saved to %1</source>
        <translation>事实简报已保存到 %1</translation>
    </message>
</context>
<context>
    <name>ExportChartDialog</name>
    <message>
        <location filename="../../desktop/ui/export.py" line="75" />
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="79" />
        <source>1920 × 1080 — 16:9 slide</source>
        <translation>1920 × 1080 — 16:9 幻灯片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="80" />
        <source>1280 × 720 — 16:9, small</source>
        <translation>1280 × 720 — 16:9，小尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="81" />
        <source>3840 × 2160 — 16:9, 4K</source>
        <translation>3840 × 2160 — 16:9，4K</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="82" />
        <source>1080 × 1080 — square</source>
        <translation>1080 × 1080 — 正方形</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="87" />
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="93" />
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="93" />
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="100" />
        <source>Light (white background)</source>
        <translation>浅色（白色背景）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="102" />
        <source>Dark background</source>
        <translation>深色背景</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="116" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="120" />
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="121" />
        <source>Custom:</source>
        <translation>自定义：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="122" />
        <source>Background:</source>
        <translation>背景：</translation>
    </message>
</context>
<context>
    <name>FactDetail</name>
    <message>
        <location filename="../../desktop/ui/detail.py" line="143" />
        <source>Show in article</source>
        <translation>在原文中显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="144" />
        <source>Show the paragraph of the article that states this fact</source>
        <translation>显示原文中陈述此事实的段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="145" />
        <location filename="../../desktop/ui/detail.py" line="215" />
        <source>In the article’s words</source>
        <translation>原文表述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="146" />
        <source>Related facts (same place or field)</source>
        <translation>相关事实（同一地区或领域）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="198" />
        <source>Stated by: %1</source>
        <translation>陈述者：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="200" />
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="205" />
        <source>Places: %1</source>
        <translation>地区：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="207" />
        <source>Fields: %1</source>
        <translation>领域：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="212" />
        <source>In the article’s words (stated %n times)</source>
        <translation><numerusform>原文表述（文中出现%n次）</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="224" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="233" />
        <source>No dataset is open</source>
        <translation>未打开数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="234" />
        <source>Use File → Open dataset… or return to the bundled dataset.</source>
        <translation>请使用“文件 → 打开数据集…”，或返回内置数据集。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="244" />
        <source>%n fact(s) in this group</source>
        <translation><numerusform>本组共%n条事实</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="254" />
        <source>%n fact(s) in this theme</source>
        <translation><numerusform>本主题共%n条事实</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/selftest.py" line="129" />
        <location filename="../../desktop/ui/main_window.py" line="213" />
        <source>Themes</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="213" />
        <source>Places</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="213" />
        <source>Fields</source>
        <translation>领域</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="217" />
        <source>Group the facts by %1</source>
        <translation>按%1分组显示事实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="218" />
        <source>Group by %1</source>
        <translation>按%1分组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="219" />
        <source>Search facts, places, fields… (Ctrl+F)</source>
        <translation>搜索事实、地区、领域…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="220" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="221" />
        <source>Themes and facts</source>
        <translation>主题与事实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="222" />
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="224" />
        <source>Switch the language of the window and the data</source>
        <translation>切换界面与数据的语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="225" />
        <source>Switch language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="226" />
        <source>No figures to chart here: this theme’s facts are statements without a number.</source>
        <translation>此处没有可绘制的数据：本主题的事实均为不含数字的陈述。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="239" />
        <source>BRI S&amp;T Fact Browser</source>
        <translation>“一带一路”科技创新事实浏览器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="241" />
        <source>bundled dataset</source>
        <translation>内置数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="249" />
        <source>No dataset open</source>
        <translation>未打开数据集</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="251" />
        <source>%n fact(s)</source>
        <translation><numerusform>%n条事实</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="454" />
        <source>%n match(es)</source>
        <translation><numerusform>%n条匹配</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="530" />
        <source>Fact copied with its citation</source>
        <translation>已复制事实及出处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="543" />
        <source>&lt;h3&gt;BRI S&amp;amp;T Fact Browser %1&lt;/h3&gt;&lt;p&gt;Every figure of the article, with the article’s own words and who states it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data source:&lt;/b&gt; %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences:&lt;/b&gt; the app: MIT. Bundled font: Noto Sans CJK SC (subset), SIL Open Font License 1.1. Qt for Python (PySide6): LGPLv3. pandas, NumPy: BSD. pyqtgraph: MIT.&lt;/p&gt;&lt;p&gt;Works offline: the app opens no network connection.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;“一带一路”科技创新事实浏览器 %1&lt;/h3&gt;&lt;p&gt;收录文章中的每一个数据，附原文表述及陈述者。&lt;/p&gt;&lt;p&gt;&lt;b&gt;数据来源：&lt;/b&gt;%2&lt;/p&gt;&lt;p&gt;&lt;b&gt;许可：&lt;/b&gt;本应用：MIT。内置字体：Noto Sans CJK SC（子集），SIL 开放字体许可证 1.1。Qt for Python（PySide6）：LGPLv3。pandas、NumPy：BSD。pyqtgraph：MIT。&lt;/p&gt;&lt;p&gt;离线使用：本应用不建立任何网络连接。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="552" />
        <source>About %1</source>
        <translation>关于%1</translation>
    </message>
</context>
<context>
    <name>PresentationView</name>
    <message>
        <location filename="../../desktop/ui/present.py" line="239" />
        <source>Stated by: %1</source>
        <extracomment>Projector themes: high contrast both ways; the background matches the chart's own style.</extracomment>
        <translation>陈述者：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present.py" line="240" />
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present.py" line="350" />
        <location filename="../../desktop/ui/present.py" line="351" />
        <source>Presentation</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present.py" line="352" />
        <source>Position in the presentation</source>
        <translation>演示中的位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present.py" line="353" />
        <source>Press any key or click to explore the facts</source>
        <translation>按任意键或点击以浏览事实</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../desktop/ui/actions.py" line="30" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="31" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="32" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="33" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="37" />
        <source>&amp;Open dataset…</source>
        <translation>打开数据集(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="39" />
        <source>&amp;Reload dataset</source>
        <translation>重新加载数据集(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="41" />
        <source>Back to the &amp;bundled dataset</source>
        <translation>返回内置数据集(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="43" />
        <source>&amp;Export chart…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="45" />
        <source>Copy c&amp;hart</source>
        <translation>复制图表(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="47" />
        <source>Export facts as &amp;CSV…</source>
        <translation>导出事实为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="49" />
        <source>Fact sheet &amp;PDF…</source>
        <translation>事实简报 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="51" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="53" />
        <source>&amp;Copy fact with citation</source>
        <translation>复制事实及出处(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="55" />
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="57" />
        <source>Group by &amp;theme</source>
        <translation>按主题分组(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="59" />
        <source>Group by &amp;place</source>
        <translation>按地区分组(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="61" />
        <source>Group by &amp;field</source>
        <translation>按领域分组(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="63" />
        <source>Switch to &amp;English / 中文</source>
        <translation>切换到 English / 中文(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="65" />
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="67" />
        <source>&amp;Present</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="69" />
        <source>Present from the current &amp;fact</source>
        <translation>从当前事实开始演示(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="71" />
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="73" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
</context>
<context>
    <name>datasets</name>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="67" />
        <source>no dataset</source>
        <extracomment>A load that takes longer than this shows a progress dialog (QProgressDialog.minimumDuration).</extracomment>
        <translation>无数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="69" />
        <source>the bundled dataset</source>
        <translation>内置数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="106" />
        <source>Dataset problems</source>
        <translation>数据集问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="114" />
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="119" />
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="132" />
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="213" />
        <location filename="../../desktop/ui/datasets.py" line="219" />
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="220" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="222" />
        <source>Opening dataset</source>
        <translation>正在打开数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="253" />
        <source>Opening cancelled; %1 stays open.</source>
        <translation>已取消打开；%1 保持打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="309" />
        <source>Opened %1: %n fact(s).</source>
        <translation>已打开 %1：%n条事实。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="315" />
        <source>%1 could not be opened. %2 stays open.</source>
        <translation>无法打开 %1。%2 保持打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="336" />
        <source>(not found)</source>
        <translation>（未找到）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="337" />
        <source>%1 is no longer there</source>
        <translation>%1 已不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="344" />
        <source>No recent datasets</source>
        <translation>无最近的数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="348" />
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="355" />
        <source>Recent &amp;datasets</source>
        <translation>最近的数据集(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="357" />
        <source>Open dataset &amp;folder…</source>
        <translation>打开数据集文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="363" />
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="365" />
        <source>Preparing %1…</source>
        <translation>正在准备 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="366" />
        <source>Reading %1 of %2…</source>
        <translation>正在读取 %2 中的 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="389" />
        <source>%1 is not a dataset. %2 stays open.</source>
        <translation>%1 不是数据集。%2 保持打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="413" />
        <source>Open dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="414" />
        <source>Datasets (*.zip *.xlsx facts.csv);;Zip archives (*.zip);;Excel workbooks (*.xlsx);;Dataset folder, by its facts.csv (facts.csv);;All files (*)</source>
        <translation>数据集 (*.zip *.xlsx facts.csv);;Zip 压缩包 (*.zip);;Excel 工作簿 (*.xlsx);;数据集文件夹(选择其中的 facts.csv) (facts.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="423" />
        <source>Open dataset folder</source>
        <translation>打开数据集文件夹</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="43" />
        <source>Something went wrong</source>
        <translation>出现错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="44" />
        <source>An unexpected error occurred. Your work is intact and the app keeps running. The details are in the log file.</source>
        <translation>发生了意外错误。您的工作未受影响，应用将继续运行。详细信息已写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="49" />
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <location filename="../../desktop/ui/launch.py" line="37" />
        <source>The dataset could not be opened; the bundled dataset is shown instead.</source>
        <translation>无法打开该数据集，现显示内置数据集。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/launch.py" line="44" />
        <source>The bundled dataset is damaged. Reinstall the app, or open another dataset.</source>
        <translation>内置数据集已损坏。请重新安装应用，或打开其他数据集。</translation>
    </message>
</context>
<context>
    <name>present</name>
    <message>
        <location filename="../../desktop/ui/present.py" line="664" />
        <source>There are no facts here to present.</source>
        <translation>此处没有可演示的事实。</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../desktop/ui/help.py" line="17" />
        <location filename="../../desktop/ui/help.py" line="22" />
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="18" />
        <source>The log folder %1 cannot be created: %2</source>
        <translation>无法创建日志文件夹 %1：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="23" />
        <source>The log files are in:
%1</source>
        <translation>日志文件位于：
%1</translation>
    </message>
</context>
</TS>
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BrowsePanel</name>
    <message>
        <location filename="../../desktop/selftest.py" line="134"/>
        <location filename="../../desktop/ui/browse.py" line="117"/>
        <source>Themes</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/browse.py" line="117"/>
        <source>Places</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/browse.py" line="118"/>
        <source>Fields</source>
        <translation>领域</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/browse.py" line="122"/>
        <source>Group the facts by %1</source>
        <translation>按%1分组显示事实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/browse.py" line="123"/>
        <source>Group by %1</source>
        <translation>按%1分组</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/browse.py" line="124"/>
        <source>Search facts, places, fields… (Ctrl+F)</source>
        <translation>搜索事实、地区、领域…（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/browse.py" line="125"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/browse.py" line="126"/>
        <source>Themes and facts</source>
        <translation>主题与事实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/browse.py" line="127"/>
        <source>Search matches</source>
        <translation>搜索结果数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/browse.py" line="344"/>
        <source>Preparing the search…</source>
        <translation>正在准备搜索……</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/browse.py" line="351"/>
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln条匹配</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../desktop/ui/chart/panel.py" line="65"/>
        <source>Chart units</source>
        <translation>图表单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chart/panel.py" line="81"/>
        <source>Too many figures for one chart here: %1 in %2 (a chart shows at most %3). Narrow the search or open a smaller group.</source>
        <translation>此处数字太多，无法绘成一张图：单位为“%2”的有 %1 个（一张图最多显示 %3 个）。请缩小搜索范围，或打开更小的分组。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chart/panel.py" line="85"/>
        <source>No figures to chart here: these facts are statements without a number.</source>
        <translation>此处没有可绘图的数字：这些事实是不含数字的陈述。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chart/panel.py" line="89"/>
        <source>%1 in %2</source>
        <translation>单位为“%2”的 %1 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chart/panel.py" line="92"/>
        <source>Not charted, too many figures for one chart: %1.</source>
        <translation>未绘图（数字太多，一张图放不下）：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chart/panel.py" line="75"/>
        <location filename="../../desktop/ui/chart/panel.py" line="76"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../desktop/ui/export.py" line="103"/>
        <source>%1 is a folder. Choose a file name.</source>
        <translation>%1 是一个文件夹。请选择文件名。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="109"/>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 已存在。
要替换它吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="204"/>
        <source>No chart to export here.</source>
        <translation>此处没有可导出的图表。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="221"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="222"/>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="223"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="238"/>
        <source>Chart saved to %1</source>
        <translation>图表已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="243"/>
        <source>No chart to copy here.</source>
        <translation>此处没有可复制的图表。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="248"/>
        <source>Chart copied (1920 × 1080): paste it into a slide</source>
        <translation>图表已复制（1920 × 1080）：可粘贴到幻灯片中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="267"/>
        <source>Export deck</source>
        <translation>导出演示文稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="269"/>
        <source>PowerPoint deck (*.pptx)</source>
        <translation>PowerPoint 演示文稿 (*.pptx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="284"/>
        <source>Deck saved to %1</source>
        <translation>演示文稿已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="291"/>
        <source>Export facts as CSV</source>
        <translation>导出事实为 CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="294"/>
        <source>There are no facts here to export.</source>
        <translation>此处没有可导出的事实。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="298"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="128"/>
        <source>Facts</source>
        <translation>事实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="129"/>
        <source>Original words</source>
        <translation>原文表述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="130"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="131"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="132"/>
        <source>Facts: %Ln</source>
        <translation>%Ln条事实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="314"/>
        <source>Fact sheet PDF</source>
        <translation>事实简报 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="317"/>
        <source>There are no facts here to put on a sheet.</source>
        <translation>此处没有可放入简报的事实。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="321"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="337"/>
        <source>Fact sheet saved to %1</source>
        <translation>事实简报已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export.py" line="307"/>
        <source>Facts saved to %1: %Ln</source>
        <translation>事实已保存到 %1：%Ln条</translation>
    </message>
</context>
<context>
    <name>ExportChartDialog</name>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="31"/>
        <source>Export chart</source>
        <extracomment>the preview shows the image at most this large (logical pixels)</extracomment>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="33"/>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="35"/>
        <source>SVG (vector, text stays text)</source>
        <translation>SVG（矢量图，文字保留为文字）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="45"/>
        <source>1920 × 1080 — 16:9 slide</source>
        <translation>1920 × 1080 — 16:9 幻灯片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="46"/>
        <source>1280 × 720 — 16:9, small</source>
        <translation>1280 × 720 — 16:9，小尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="47"/>
        <source>3840 × 2160 — 16:9, 4K</source>
        <translation>3840 × 2160 — 16:9，4K</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="48"/>
        <source>1080 × 1080 — square</source>
        <translation>1080 × 1080 — 正方形</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="53"/>
        <source>Custom size</source>
        <translation>自定义尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="59"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="59"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="61"/>
        <source>Light (white background)</source>
        <translation>浅色（白色背景）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="63"/>
        <source>Dark background</source>
        <translation>深色背景</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="65"/>
        <source>Transparent (for light and dark slides)</source>
        <translation>透明（适用于浅色和深色幻灯片）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="76"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="86"/>
        <source>Export…</source>
        <extracomment>what the preview shows: the image (before the backdrop) and the choices it shows</extracomment>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="90"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="91"/>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="92"/>
        <source>Custom:</source>
        <translation>自定义：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="93"/>
        <source>Background:</source>
        <translation>背景：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="95"/>
        <source>Preview:</source>
        <translation>预览：</translation>
    </message>
</context>
<context>
    <name>ExportDeckDialog</name>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="196"/>
        <source>Export deck</source>
        <translation>导出演示文稿</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="197"/>
        <source>This view: %1</source>
        <translation>当前视图：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="199"/>
        <source>The whole dataset: every chart and the headline figures</source>
        <translation>整个数据集：全部图表与主要数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="208"/>
        <source>This view (nothing is selected)</source>
        <translation>当前视图（未选择任何内容）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="223"/>
        <source>16:9 slides with charts you can edit in PowerPoint, Keynote or LibreOffice: the numbers are in each chart&apos;s data sheet.</source>
        <translation>16:9 幻灯片，图表可在 PowerPoint、Keynote 或 LibreOffice 中编辑：数字保存在每个图表的数据表中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="228"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="232"/>
        <source>Slides of:</source>
        <translation>幻灯片内容：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_dialogs.py" line="233"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
</context>
<context>
    <name>FactDetail</name>
    <message>
        <location filename="../../desktop/ui/detail.py" line="203"/>
        <source>Show in article</source>
        <translation>在原文中显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="204"/>
        <source>Show the paragraph of the article that states this fact</source>
        <translation>显示原文中陈述此事实的段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="280"/>
        <source>In the article’s words</source>
        <translation>原文表述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="205"/>
        <source>Related facts (same place or field)</source>
        <translation>相关事实（同一地区或领域）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="191"/>
        <source>Page</source>
        <extracomment>point sizes at zoom 1.0</extracomment>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="192"/>
        <source>Where this is in the themes</source>
        <translation>所在主题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="193"/>
        <source>Figure</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="193"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="194"/>
        <source>Statement</source>
        <translation>陈述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="195"/>
        <source>Who states it, source and date</source>
        <translation>陈述者、来源与日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="196"/>
        <source>How to go on</source>
        <translation>如何继续</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="197"/>
        <source>The article’s words</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="198"/>
        <source>Article passage</source>
        <translation>原文段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="199"/>
        <source>Related facts</source>
        <translation>相关事实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="200"/>
        <source>Headline figures</source>
        <translation>主要数据</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="201"/>
        <location filename="../../desktop/ui/detail.py" line="333"/>
        <source>Every fact here</source>
        <translation>此处全部事实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="206"/>
        <source>Pick a theme, place or field on the left, search with Ctrl+F, or press F5 to present the figures. F1 lists every key.</source>
        <translation>在左侧选择主题、地区或领域，按 Ctrl+F 搜索，或按 F5 演示这些数据。按 F1 查看全部快捷键。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="277"/>
        <source>In the article’s words (stated %Ln times)</source>
        <translation>
            <numerusform>原文表述（文中出现%Ln次）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="286"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="297"/>
        <source>No dataset is open</source>
        <translation>未打开数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="298"/>
        <source>Use File → Open dataset… or return to the bundled dataset.</source>
        <translation>请使用“文件 → 打开数据集…”，或返回内置数据集。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="311"/>
        <source>%Ln fact(s) matching “%1”</source>
        <translation>
            <numerusform>%Ln条事实与“%1”匹配</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="316"/>
        <source>No fact holds every word typed. Try fewer or shorter words: the search reads ids, titles, statements, quotes, places and fields, in Chinese and in English.</source>
        <translation>没有一条事实包含所输入的全部词语。请试试更少或更短的词：搜索范围包括编号、标题、陈述、原文引语、地区和领域，中英文均可。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="323"/>
        <source>%Ln fact(s) in this group</source>
        <translation>
            <numerusform>本组共%Ln条事实</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="330"/>
        <source>The first %1 of %Ln facts: type more words to narrow the search</source>
        <translation>
            <numerusform>共%Ln条事实，此处列出前%1条：输入更多字词以缩小搜索范围</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="321"/>
        <source>%Ln fact(s) in this theme</source>
        <translation>
            <numerusform>本主题共%Ln条事实</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelpController</name>
    <message>
        <location filename="../../desktop/ui/help.py" line="42"/>
        <source>Every figure of the feature article on Belt and Road science and technology cooperation, as the article states it, with who states it.</source>
        <translation>“一带一路”科技创新合作专题文章中的每一个数字，均按原文表述，并注明陈述者。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="45"/>
        <source>Data source: %1</source>
        <translation>数据来源：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="46"/>
        <source>Works offline: nothing is downloaded, nothing is sent.</source>
        <translation>离线运行：不下载、不发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="47"/>
        <source>Presentation mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="72"/>
        <location filename="../../desktop/ui/help.py" line="75"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="111"/>
        <source>&lt;h3&gt;BRI S&amp;amp;T Fact Browser %1&lt;/h3&gt;&lt;p&gt;Every figure of the article, with the article’s own words and who states it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data source:&lt;/b&gt; %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences:&lt;/b&gt; the app: MIT. Bundled font: Noto Sans CJK SC (subset), SIL Open Font License 1.1. Qt for Python (PySide6): LGPLv3. pandas, NumPy: BSD. pyqtgraph: MIT.&lt;/p&gt;&lt;p&gt;Works offline: the app opens no network connection.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;“一带一路”科技创新事实浏览器 %1&lt;/h3&gt;&lt;p&gt;收录文章中的每一个数据，附原文表述及陈述者。&lt;/p&gt;&lt;p&gt;&lt;b&gt;数据来源：&lt;/b&gt;%2&lt;/p&gt;&lt;p&gt;&lt;b&gt;许可：&lt;/b&gt;本应用：MIT。内置字体：Noto Sans CJK SC（子集），SIL 开放字体许可证 1.1。Qt for Python（PySide6）：LGPLv3。pandas、NumPy：BSD。pyqtgraph：MIT。&lt;/p&gt;&lt;p&gt;离线使用：本应用不建立任何网络连接。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="120"/>
        <source>About %1</source>
        <translation>关于%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="128"/>
        <location filename="../../desktop/ui/help.py" line="133"/>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="129"/>
        <source>The log folder %1 cannot be created: %2</source>
        <translation>无法创建日志文件夹 %1：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="134"/>
        <source>The log files are in:
%1</source>
        <translation>日志文件位于：
%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="211"/>
        <source>Switch the language of the window and the data</source>
        <extracomment>&quot;content&quot; once the tree and the page have painted, &quot;chart&quot; once the first chart has</extracomment>
        <translation>切换界面与数据的语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="212"/>
        <source>Switch language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="222"/>
        <source>BRI S&amp;T Fact Browser</source>
        <translation>“一带一路”科技创新事实浏览器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="223"/>
        <source>bundled dataset</source>
        <translation>内置数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="228"/>
        <source>No dataset open</source>
        <translation>未打开数据集</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="229"/>
        <source>%Ln fact(s)</source>
        <translation>
            <numerusform>%Ln条事实</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="360"/>
        <source>Text size %1%</source>
        <translation>文字大小 %1%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="411"/>
        <source>Fact copied with its citation</source>
        <translation>已复制事实及出处</translation>
    </message>
</context>
<context>
    <name>PresentationView</name>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="46"/>
        <source>Next fact (a clicker&apos;s forward button)</source>
        <extracomment>the keys of a presentation as F1 lists them (texts translated in context PresentationView)</extracomment>
        <translation>下一条事实（翻页笔的前进键）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="47"/>
        <source>Previous fact</source>
        <translation>上一条事实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="48"/>
        <source>First or last fact</source>
        <translation>第一条或最后一条事实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="49"/>
        <source>Blank the screen, and back</source>
        <translation>黑屏，再按一次恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="50"/>
        <source>Dark or light projector theme</source>
        <translation>深色或浅色投影主题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="51"/>
        <source>Chinese or English</source>
        <translation>中文或英文</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="52"/>
        <source>Back to the browser, on the fact shown</source>
        <translation>返回浏览窗口，停在当前事实</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="305"/>
        <location filename="../../desktop/ui/present/view.py" line="306"/>
        <source>Presentation</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="307"/>
        <source>Position in the presentation</source>
        <translation>演示中的位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="308"/>
        <source>Where this is in the themes</source>
        <translation>所在主题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="309"/>
        <source>Figure</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="309"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="310"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="310"/>
        <source>Statement</source>
        <translation>陈述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="311"/>
        <source>Who states it, source and date</source>
        <translation>陈述者、来源与日期</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="312"/>
        <source>Kiosk hint</source>
        <translation>展台提示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/present/view.py" line="314"/>
        <source>Press any key or click to explore the facts</source>
        <translation>按任意键或点击以浏览事实</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../desktop/ui/actions.py" line="45"/>
        <source>&amp;File</source>
        <extracomment>a submenu instead of a command: called with (window, menu) each time it opens what the keyboard help says the keys do, when the menu text is not enough</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="46"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="47"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="48"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="49"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="54"/>
        <source>&amp;Open dataset…</source>
        <translation>打开数据集(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="56"/>
        <source>Open dataset &amp;folder…</source>
        <translation>打开数据集文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="58"/>
        <source>&amp;Reload dataset</source>
        <translation>重新加载数据集(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="60"/>
        <source>Back to the &amp;bundled dataset</source>
        <translation>返回内置数据集(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="62"/>
        <source>Recent &amp;datasets</source>
        <translation>最近的数据集(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="64"/>
        <source>&amp;Export chart…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="67"/>
        <source>Copy c&amp;hart</source>
        <translation>复制图表(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="69"/>
        <source>Export dec&amp;k…</source>
        <translation>导出演示文稿(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="71"/>
        <source>Export facts as &amp;CSV…</source>
        <translation>导出事实为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="73"/>
        <source>Fact sheet &amp;PDF…</source>
        <translation>事实简报 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="75"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="78"/>
        <source>&amp;Copy fact with citation</source>
        <translation>复制事实及出处(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="80"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="83"/>
        <source>Group by &amp;theme</source>
        <translation>按主题分组(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="85"/>
        <source>Group by &amp;place</source>
        <translation>按地区分组(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="87"/>
        <source>Group by &amp;field</source>
        <translation>按领域分组(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="89"/>
        <source>Switch to &amp;English / 中文</source>
        <translation>切换到 English / 中文(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="91"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="93"/>
        <source>Show c&amp;harts</source>
        <translation>显示图表(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="95"/>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="97"/>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="99"/>
        <source>&amp;Normal text size</source>
        <translation>正常文字大小(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="101"/>
        <source>&amp;Present</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="103"/>
        <source>Present from the current &amp;fact</source>
        <translation>从当前事实开始演示(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="106"/>
        <source>&amp;Previous fact</source>
        <translation>上一条事实(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="108"/>
        <source>&amp;Next fact</source>
        <translation>下一条事实(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="110"/>
        <source>&amp;Up to the page of this fact’s group</source>
        <translation>返回此事实所在组的页面(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="113"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="115"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="117"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
</context>
<context>
    <name>datasets</name>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="77"/>
        <source>no dataset</source>
        <extracomment>A load that takes longer than this shows a progress dialog (QProgressDialog.minimumDuration). After a dataset arrives, jobs stay paused this long: the new tree, page and chart paint first (at 100k facts ~0.1-0.2 s, through hundreds of calls into Python). The search index build starts right then, and competing with it for the interpreter that paint froze the window for up to 0.2 s (make bench, &quot;typing&quot;).</extracomment>
        <translation>无数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="79"/>
        <source>the bundled dataset</source>
        <translation>内置数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="111"/>
        <source>Dataset problems</source>
        <translation>数据集问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="119"/>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="124"/>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="137"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="199"/>
        <location filename="../../desktop/ui/datasets.py" line="205"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="206"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="208"/>
        <source>Opening dataset</source>
        <translation>正在打开数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="246"/>
        <source>Opening cancelled; %1 stays open.</source>
        <translation>已取消打开；%1 保持打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="301"/>
        <source>Opened %1. Facts: %Ln.</source>
        <translation>已打开 %1：%Ln条事实。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="416"/>
        <source>The app could not load one of its libraries: no dataset can be opened. Make room on the disk and start the app again, or reinstall it.</source>
        <translation>应用无法加载它的一个程序库，因此无法打开任何数据集。请腾出磁盘空间后重新启动应用，或重新安装应用。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="312"/>
        <source>The bundled dataset is damaged. Reinstall the app, or open another dataset.</source>
        <translation>内置数据集已损坏。请重新安装应用，或打开其他数据集。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="315"/>
        <source>%1 could not be opened. %2 stays open.</source>
        <translation>无法打开 %1。%2 保持打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="392"/>
        <source>(not found)</source>
        <translation>（未找到）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="393"/>
        <source>%1 is no longer there</source>
        <translation>%1 已不存在</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="399"/>
        <source>No recent datasets</source>
        <translation>无最近的数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="403"/>
        <source>Clear the list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="409"/>
        <source>The list of recent datasets is cleared.</source>
        <translation>最近打开的数据集列表已清空。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="438"/>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="440"/>
        <source>Preparing %1…</source>
        <translation>正在准备 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="441"/>
        <source>Reading %1 of %2…</source>
        <translation>正在读取 %2 中的 %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="327"/>
        <source>%1 is not a dataset. %2 stays open.</source>
        <translation>%1 不是数据集。%2 保持打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="348"/>
        <source>Open dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="349"/>
        <source>Datasets (*.zip *.xlsx facts.csv);;Zip archives (*.zip);;Excel workbooks (*.xlsx);;Dataset folder, by its facts.csv (facts.csv);;All files (*)</source>
        <translation>数据集 (*.zip *.xlsx facts.csv);;Zip 压缩包 (*.zip);;Excel 工作簿 (*.xlsx);;数据集文件夹(选择其中的 facts.csv) (facts.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/datasets.py" line="358"/>
        <source>Open dataset folder</source>
        <translation>打开数据集文件夹</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="46"/>
        <source>Something went wrong</source>
        <translation>出现错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="47"/>
        <source>An unexpected error occurred. Your work is intact and the app keeps running. The details are in the log file.</source>
        <translation>发生了意外错误。您的工作未受影响，应用将继续运行。详细信息已写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="52"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <location filename="../../desktop/ui/launch.py" line="47"/>
        <source>The dataset could not be opened; the bundled dataset is shown instead.</source>
        <extracomment>After a first paint from a snapshot with a chart, the data loads once that chart is drawn, or after this long if it is not (the chart panel hidden, a canvas that fails).</extracomment>
        <translation>无法打开该数据集，现显示内置数据集。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/launch.py" line="56"/>
        <source>The bundled dataset is damaged. Reinstall the app, or open another dataset.</source>
        <translation>内置数据集已损坏。请重新安装应用，或打开其他数据集。</translation>
    </message>
</context>
<context>
    <name>present</name>
    <message>
        <location filename="../../desktop/ui/present/controller.py" line="71"/>
        <source>There are no facts here to present.</source>
        <translation>此处没有可演示的事实。</translation>
    </message>
</context>
</TS>

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
</context>
<context>
    <name>FactDetail</name>
    <message>
        <location filename="../../desktop/ui/detail.py" line="106" />
        <source>Show in article</source>
        <translation>在原文中显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="107" />
        <source>Show the paragraph of the article that states this fact</source>
        <translation>显示原文中陈述此事实的段落</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="108" />
        <location filename="../../desktop/ui/detail.py" line="172" />
        <source>In the article’s words</source>
        <translation>原文表述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="109" />
        <source>Related facts (same place or field)</source>
        <translation>相关事实(同一地区或领域)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="155" />
        <source>Stated by: %1</source>
        <translation>陈述者:%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="157" />
        <source>Source: %1</source>
        <translation>来源:%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="162" />
        <source>Places: %1</source>
        <translation>地区:%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="164" />
        <source>Fields: %1</source>
        <translation>领域:%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="169" />
        <source>In the article’s words (stated %n times)</source>
        <translation><numerusform>原文表述(文中出现%n次)</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="181" />
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="190" />
        <source>No dataset is open</source>
        <translation>未打开数据集</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/detail.py" line="191" />
        <source>Use File → Open dataset… or return to the bundled dataset.</source>
        <translation>请使用“文件 → 打开数据集…”,或返回内置数据集。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="201" />
        <source>%n fact(s) in this theme</source>
        <translation><numerusform>本主题共%n条事实</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
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
        <translation>搜索事实、地区、领域…(Ctrl+F)</translation>
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
        <translation>此处没有可绘制的数据:本主题的事实均为不含数字的陈述。</translation>
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
        <location filename="../../desktop/ui/main_window.py" line="447" />
        <source>%n match(es)</source>
        <translation><numerusform>%n条匹配</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="523" />
        <source>Fact copied with its citation</source>
        <translation>已复制事实及出处</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="536" />
        <source>&lt;h3&gt;BRI S&amp;amp;T Fact Browser %1&lt;/h3&gt;&lt;p&gt;Every figure of the article, with the article’s own words and who states it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Data source:&lt;/b&gt; %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licences:&lt;/b&gt; the app: MIT. Bundled font: Noto Sans CJK SC (subset), SIL Open Font License 1.1. Qt for Python (PySide6): LGPLv3. pandas, NumPy: BSD. pyqtgraph: MIT.&lt;/p&gt;&lt;p&gt;Works offline: the app opens no network connection.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;“一带一路”科技创新事实浏览器 %1&lt;/h3&gt;&lt;p&gt;收录文章中的每一个数据,附原文表述及陈述者。&lt;/p&gt;&lt;p&gt;&lt;b&gt;数据来源:&lt;/b&gt;%2&lt;/p&gt;&lt;p&gt;&lt;b&gt;许可:&lt;/b&gt;本应用:MIT。内置字体:Noto Sans CJK SC(子集),SIL 开放字体许可证 1.1。Qt for Python(PySide6):LGPLv3。pandas、NumPy:BSD。pyqtgraph:MIT。&lt;/p&gt;&lt;p&gt;离线使用:本应用不建立任何网络连接。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="545" />
        <source>About %1</source>
        <translation>关于%1</translation>
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
    <name>errors</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="43" />
        <source>Something went wrong</source>
        <translation>出现错误</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="44" />
        <source>An unexpected error occurred. Your work is intact and the app keeps running. The details are in the log file.</source>
        <translation>发生了意外错误。您的工作未受影响,应用将继续运行。详细信息已写入日志文件。</translation>
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
        <translation>无法打开该数据集,现显示内置数据集。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/launch.py" line="44" />
        <source>The bundled dataset is damaged. Reinstall the app, or open another dataset.</source>
        <translation>内置数据集已损坏。请重新安装应用,或打开其他数据集。</translation>
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
        <translation>无法创建日志文件夹 %1:%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="23" />
        <source>The log files are in:
%1</source>
        <translation>日志文件位于:
%1</translation>
    </message>
</context>
</TS>
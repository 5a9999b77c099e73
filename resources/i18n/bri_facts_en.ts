<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>BrowsePanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/browse.py" line="351" />
        <source>%Ln match(es)</source>
        <translation><numerusform>%Ln match</numerusform><numerusform>%Ln matches</numerusform></translation>
    </message>
</context>
<context>
    <name>FactDetail</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="277" />
        <source>In the article’s words (stated %Ln times)</source>
        <translation><numerusform>In the article’s words (stated %Ln times)</numerusform><numerusform>In the article’s words (stated %Ln times)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="311" />
        <source>%Ln fact(s) matching “%1”</source>
        <translation><numerusform>%Ln fact matching “%1”</numerusform><numerusform>%Ln facts matching “%1”</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="321" />
        <source>%Ln fact(s) in this theme</source>
        <translation><numerusform>%Ln fact in this theme</numerusform><numerusform>%Ln facts in this theme</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="323" />
        <source>%Ln fact(s) in this group</source>
        <translation><numerusform>%Ln fact in this group</numerusform><numerusform>%Ln facts in this group</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/detail.py" line="330" />
        <source>The first %1 of %Ln facts: type more words to narrow the search</source>
        <translation><numerusform>The first %1 of %Ln facts: type more words to narrow the search</numerusform><numerusform>The first %1 of %Ln facts: type more words to narrow the search</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="229" />
        <source>%Ln fact(s)</source>
        <translation><numerusform>%Ln fact</numerusform><numerusform>%Ln facts</numerusform></translation>
    </message>
</context>
</TS>
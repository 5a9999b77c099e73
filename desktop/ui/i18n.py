"""Words on screen: the app's translators and Qt's own, switched at run time."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.base.paths import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("zh", "en")
#: per language: the app's catalogues. English is the source language; its catalogue holds only
#: the plural forms ("%Ln fact" / "%Ln facts"), made by packaging/english_plurals.py
APP_TRANSLATIONS = {"zh": ("i18n/bri_facts_zh_CN.qm",), "en": ("i18n/bri_facts_en.qm",)}
#: Qt's own strings (message box buttons, file dialogs, tab-bar scroll buttons)
QT_CATALOGUES = ("qtbase_zh_CN",)
_translators: list[QTranslator] = []


def install_translator(app: QApplication, lang: str) -> bool:
    """Switch the UI strings to ``lang`` ("zh" or "en"), the app's and Qt's own alike; English
    is the source language. Installing or removing a translator sends every widget a
    LanguageChange event, so windows retranslate themselves."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    # counts are written %Ln: the default locale's digits, grouped (100,000 facts, 100,000条事实)
    # in either language, whatever the system's locale is
    QLocale.setDefault(QLocale("zh_CN" if lang == "zh" else "en_US"))
    ok = True
    for name in APP_TRANSLATIONS.get(lang, ()):
        translator = QTranslator(app)
        path = resource_path(name)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _translators.append(translator)
        else:
            log.error("translation file missing or unreadable: %s", path)
            ok = False
    if lang != "zh":
        return ok
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in QT_CATALOGUES:
        base = QTranslator(app)
        if base.load(name, folder):
            app.installTranslator(base)
            _translators.append(base)
        else:
            log.info("Qt's own %s catalogue is not shipped here; its strings stay English", name)
    return ok


def installed_translators() -> int:
    return len(_translators)


def system_language() -> str:
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"

# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test test-all soak bench package dist smoke fonts icons translations snapshot clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m desktop

test: $(STAMP)
	$(VENV)/bin/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not soak"

soak: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m soak

bench: $(STAMP)
	$(PY) -m pip install --quiet -e ".[test,package]"
	$(PY) benchmarks/run.py

package: $(STAMP)
	$(PY) -m pip install --quiet -e ".[package]"
	$(PY) -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/bri-facts.spec

# the release files (dist/release/: the single file, the .tar.gz with desktop entry, icons, notes)
dist: package
	$(PY) packaging/make_dist.py

# what each binary needs of glibc and libstdc++ (Linux), then every release file as a user gets it
smoke: dist
	$(PY) packaging/check_glibc.py
	$(PY) packaging/smoke_test.py --release dist/release

fonts: $(STAMP)
	$(PY) -m pip install --quiet -e ".[dev]"
	$(PY) packaging/build_font.py

snapshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) packaging/build_snapshot.py

icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) packaging/build_icons.py

translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate desktop/*.py desktop/ui/*.py desktop/ui/*/*.py -ts resources/i18n/bri_facts_zh_CN.ts
	$(VENV)/bin/pyside6-lrelease resources/i18n/bri_facts_zh_CN.ts -qm resources/i18n/bri_facts_zh_CN.qm
	$(VENV)/bin/pyside6-lupdate -pluralonly desktop/*.py desktop/ui/*.py desktop/ui/*/*.py -target-language en -ts resources/i18n/bri_facts_en.ts
	$(PY) packaging/english_plurals.py resources/i18n/bri_facts_en.ts
	$(VENV)/bin/pyside6-lrelease resources/i18n/bri_facts_en.ts -qm resources/i18n/bri_facts_en.qm

clean:
	rm -rf build dist .pytest_cache

# Two commands matter: `make demo` (install everything, run docproc on samples/) and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
SHARED ?= ../shared
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd poppler-utils fonts-liberation2 fonts-dejavu-core

.PHONY: demo test test-fast install system-deps lint samples bench

demo: install
	$(VENV)/bin/docproc process samples --out out/samples
	@if [ -f $(SHARED)/eval/score.py ]; then $(PY) $(SHARED)/eval/score.py samples/expected out/samples; fi

install: system-deps $(VENV)/.installed

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3.11 -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,learned]'
	touch $@

test: install lint
	$(VENV)/bin/pytest -q

# the library alone (no OCR, service, batch, browser or models): a minute, for the edit-test loop
test-fast: install
	$(VENV)/bin/pytest -q -m "not slow and not ocr and not postgres and not browser" $(FAST_TESTS)

FAST_TESTS := tests/text tests/extract tests/decisions tests/golden tests/test_document.py tests/test_schema.py tests/test_layers.py

lint:
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/lint-imports

samples:
	rm -rf /tmp/docproc-samples
	$(PY) $(SHARED)/eval/make_scans.py $(SHARED)/corpus/dev/txt/c1-01.txt --out /tmp/docproc-samples --format textpdf
	$(PY) $(SHARED)/eval/make_scans.py $(SHARED)/corpus/dev/txt/c3-03.txt --out /tmp/docproc-samples --format pdf --level skew
	$(PY) $(SHARED)/eval/make_scans.py $(SHARED)/corpus/dev/txt/c2-04.txt --out /tmp/docproc-samples --format tiff --level jpeg
	cp /tmp/docproc-samples/text/c1-01.pdf samples/credit-c1-01.pdf
	cp /tmp/docproc-samples/skew/c3-03.pdf samples/criminal-c3-03-scan.pdf
	$(PY) -c "from PIL import Image, ImageSequence as S; fs=[f.convert('L').copy() for f in S.Iterator(Image.open('/tmp/docproc-samples/jpeg/c2-04.tiff'))]; fs[0].save('samples/divorce-c2-04.tiff', save_all=True, append_images=fs[1:], compression='tiff_adobe_deflate', dpi=(300,300))"
	cp $(SHARED)/corpus/dev/txt/c2-12.txt samples/settlement-c2-12.txt

# Steno: the two commands a newcomer needs are `make run` and `make test`.
SWIFT ?= swift
STENO_RELEASE = .build/release/steno
SAMPLE = Fixtures/audio/goforward.wav

.PHONY: bootstrap build release run test bench clean

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build

release: bootstrap
	$(SWIFT) build -c release

# Installs what is missing, builds, and runs the main job on the bundled sample.
RUN_OUT = .build/run

run: release
	@mkdir -p $(RUN_OUT)
	$(STENO_RELEASE) info $(SAMPLE)
	$(STENO_RELEASE) preprocess $(SAMPLE) -o $(RUN_OUT)/goforward.preprocessed.wav --rate 16000 --trim --lufs -23 --force
	$(STENO_RELEASE) transcribe $(SAMPLE)
	$(STENO_RELEASE) transcribe $(SAMPLE) --format json

test: bootstrap
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: release
	@for script in Benchmarks/*.sh; do echo "== $$script"; bash "$$script" || exit 1; done

clean:
	rm -rf .build

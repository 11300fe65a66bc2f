#!/bin/sh
# Builds the Jekyll fixture site with Jekyll, as GitHub Pages would, into the committed expected output.
# Run from the repository root after changing tests/fixtures/jekyll-site/: sh tests/jekyll/build-expected.sh
# Needs Jekyll 4.3 and GitHub Pages' default plugins (tests/jekyll/github-pages.yml names their Debian packages).
set -eu
root=$(pwd)
rm -rf "$root/tests/fixtures/jekyll-site-expected"
cd "$root/tests/fixtures/jekyll-site"
JEKYLL_NO_BUNDLER_REQUIRE=true jekyll build --quiet --disable-disk-cache \
  --config "_config.yml,$root/tests/jekyll/github-pages.yml" \
  --destination "$root/tests/fixtures/jekyll-site-expected"

# frozen_string_literal: true

# GitHub Pages turns on jekyll-optional-front-matter for every site: a markdown file without front matter is
# rendered as a page too, and (remove_originals is off by default) its source is still copied as a static file.
# This is that plugin's behaviour in a few lines, so the expected side is built as GitHub Pages builds it
# without installing the github-pages gem.
module QuireFixture
  class OptionalFrontMatter < Jekyll::Generator
    safe true
    priority :normal

    SKIPPED = %w(README LICENSE LICENCE COPYING CODE_OF_CONDUCT CONTRIBUTING ISSUE_TEMPLATE PULL_REQUEST_TEMPLATE).freeze

    def generate(site)
      converter = site.find_converter_instance(Jekyll::Converters::Markdown)
      site.static_files.each do |file|
        next unless converter.matches(file.extname)
        next if SKIPPED.include?(File.basename(file.relative_path, file.extname).upcase)

        site.pages << Jekyll::Page.new(site, site.source, File.dirname(file.relative_path), File.basename(file.relative_path))
      end
    end
  end
end

-- @view: One row per clean article. Duplicates keep their row, with dup_of pointing at the first copy.
-- @column article_id: stable id (input id, or a hash of the canonical URL)
-- @column date: partition day (the article's publication day)
-- @column url: URL the article was fetched from
-- @column source: source name (sources file) or archive it came from
-- @column title: headline
-- @column author: byline, when stated
-- @column site_name: publisher name from page metadata
-- @column canonical_url: canonical URL the page declares
-- @column published: publication date
-- @column published_from: where the date came from (input | page | feed | url | crawl | run)
-- @column language: ISO 639-1 code of the text
-- @column status: ok, or non_english (kept, not extracted)
-- @column text: clean article text; all offsets in other views point into it
-- @column dup_of: article_id of the first copy when this article is a duplicate, else null
create or replace view articles as
with source as (
    select * from {source:articles}
),
renamed as (
    select
        article_id, cast("date" as date) as "date", url, source, title, author, site_name,
        canonical_url, published, published_from, language, status, text, dup_of
    from source
)
select * from renamed;

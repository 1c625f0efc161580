-- @view: One row per clean article. Duplicates keep their row, with dup_of pointing at the first copy.
-- (the columns it passes through unchanged are described in pipeline/schemas.py)
-- @column date: partition day (the article's publication day)
create or replace view articles as
with source as (
    select * from {source:articles}
),
renamed as (
    select
        article_id, cast("date" as date) as "date", url, source, title, author, site_name,
        canonical_url, published, published_from, language, status, text, relevance,
        relevance_score, relevance_evidence, dup_of
    from source
)
select * from renamed;

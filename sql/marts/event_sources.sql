-- @view: One row per event and publisher that reported it: how many outlets carried each event, and where to read them.
-- @column event_key: the event (see event_casualties)
-- @column publisher: site name, else the URL's host, else the source name
-- @column n_articles: articles of this publisher reporting the event, copies included
-- @column n_copies: of which syndicated copies of another article
-- @column first_published: first day this publisher reported the event
-- @column urls: the articles' URLs
create or replace view event_sources as
select
    event_key,
    publisher,
    count(distinct article_id) as n_articles,
    count(distinct article_id) filter (where is_copy) as n_copies,
    min(published) as first_published,
    list(distinct url order by url) filter (where url is not null) as urls
from event_reports
group by all
order by event_key, publisher;

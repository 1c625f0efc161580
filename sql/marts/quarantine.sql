-- @view: One row per row left out of the other views by a content check (sql/checks files of severity quarantine): an event dated after its article, an implausible count, evidence that does not match the text. The rows stay in the Parquet tables; here is why each one is not shown.
-- @column check_name: the check that held the row back (its file in sql/checks)
-- @column table_name: the view the row belongs to (events or figures)
-- @column row_id: the row's id in that view (figure_id; event_id, which with article_id names one event row)
-- @column article_id: the article the row was extracted from
-- @column reason: why the check held it back, with the values it compared
-- @column date: partition day of the row (its article's publication day)
create or replace view quarantine as
select check_name, table_name, row_id, article_id, reason, "date"
from _quarantine
order by "date", check_name, table_name, row_id, article_id;

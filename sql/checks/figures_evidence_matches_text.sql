-- severity: quarantine
-- Every figure's evidence is exactly the article text at its span: a figure whose words cannot be found where it says is not shown.
select 'figures' as table_name, f.figure_id as row_id, f.article_id, f."date",
       'evidence ' || coalesce('"' || left(f.evidence, 60) || '"', 'null') || ' is not the text at ['
           || coalesce(cast(f.span_start as varchar), '?') || ', '
           || coalesce(cast(f.span_end as varchar), '?') || ')' as reason
from figures f
join articles a using (article_id)
where f.span_start is null or f.span_end is null or f.evidence is null
   or f.span_start < 0 or f.span_end > length(a.text) or f.span_start >= f.span_end
   or substring(a.text, f.span_start + 1, f.span_end - f.span_start) <> f.evidence;

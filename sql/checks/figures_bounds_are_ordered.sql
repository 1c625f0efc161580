-- low <= best <= high wherever they are known, and no count is negative (0 = the report says nobody).
select figure_id, low, best, high
from figures
where best < 0 or (low is not null and low > best) or (high is not null and high < best);

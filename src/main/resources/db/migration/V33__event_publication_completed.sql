-- Issue #8: publications are now deleted once their listener has completed
-- (spring.modulith.events.completion-mode: delete). The completed ones kept by earlier versions,
-- a row per payment, notice or approval since the first start, are deleted with them; what is
-- left is what is still owed.
DELETE FROM event_publication WHERE completion_date IS NOT NULL;

-- Crash resume: where a run stands (the last entry it finished, or the position after the last page it finished),
-- the checkpoint it will store and the "since" it was started with, so that a run left RUNNING by a replica that
-- died is continued from there by the next replica holding the source's lock.

alter table harvest_run add column resume_position   text;
alter table harvest_run add column resume_checkpoint text;
alter table harvest_run add column since             text;
alter table harvest_run add column resumes           integer not null default 0;

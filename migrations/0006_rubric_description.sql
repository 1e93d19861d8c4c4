-- 0006: a rubric's description (from its knowledge file).
ALTER TABLE "rubrics" ADD COLUMN "description" text;

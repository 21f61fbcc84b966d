-- issue 16 item 6: a queue may require the wrap-up (a code and notes) before its advisors are Ready again
ALTER TABLE queues ADD COLUMN wrap_up_required BOOLEAN DEFAULT FALSE NOT NULL;

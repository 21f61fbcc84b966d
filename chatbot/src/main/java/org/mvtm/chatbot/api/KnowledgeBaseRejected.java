package org.mvtm.chatbot.api;

import java.util.List;

/** An uploaded knowledge-base CSV was refused; nothing was changed. {@link #problems()} lists every problem found. */
public class KnowledgeBaseRejected extends KnowledgeBaseException {
    private final transient List<KnowledgeBaseProblem> problems;

    public KnowledgeBaseRejected(String what, List<KnowledgeBaseProblem> problems) {
        super(what + ": " + summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<KnowledgeBaseProblem> problems() {
        return problems;
    }

    private static String summary(List<KnowledgeBaseProblem> problems) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < problems.size() && i < 3; i++) {
            sb.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        if (problems.size() > 3) {
            sb.append("; and ").append(problems.size() - 3).append(" more");
        }
        return sb.toString();
    }
}

package org.mvtm.chatbot.api;

/** A knowledge-base file is missing or malformed; the message names the file and line. */
public class KnowledgeBaseException extends RuntimeException {
    public KnowledgeBaseException(String message) {
        super(message);
    }

    public KnowledgeBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}

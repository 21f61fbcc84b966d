package org.mvtm.chatbot.retrieval;

import org.mvtm.core.Language;

/** A set of question variants searched together: English, or Chinese (Mandarin and Cantonese folded together). */
public enum Pool {
    EN("en", "vec_en"), ZH("zh", "vec_zh");

    private final String textField;
    private final String vectorField;

    Pool(String textField, String vectorField) {
        this.textField = textField;
        this.vectorField = vectorField;
    }

    public String textField() {
        return textField;
    }

    public String vectorField() {
        return vectorField;
    }

    public static Pool of(Language language) {
        return language == Language.EN ? EN : ZH;
    }
}

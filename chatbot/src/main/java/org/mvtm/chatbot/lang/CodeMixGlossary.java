package org.mvtm.chatbot.lang;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English banking words that Hong Kong customers mix into Chinese ("我想check下我嘅account balance"), mapped to
 * their Chinese equivalents so that Chinese analysis and the Chinese embedding model see one language. Applied to
 * Chinese-pool text only; longest phrase first, case-insensitive, whole words.
 */
public final class CodeMixGlossary {
    private static final String[][] TERMS = {
            {"credit card", "信用卡"}, {"debit card", "扣账卡"}, {"atm card", "提款卡"}, {"credit limit", "信用额度"},
            {"online banking", "网上银行"}, {"mobile banking", "手机银行"}, {"internet banking", "网上银行"},
            {"exchange rate", "汇率"}, {"interest rate", "利率"}, {"time deposit", "定期存款"},
            {"fixed deposit", "定期存款"}, {"annual fee", "年费"}, {"cash advance", "预借现金"},
            {"swift code", "SWIFT代码"}, {"wealth management connect", "跨境理财通"}, {"log in", "登录"},
            {"sign up", "注册"}, {"account", "账户"}, {"a/c", "账户"}, {"balance", "余额"}, {"card", "卡"},
            {"check", "查"}, {"transfer", "转账"}, {"password", "密码"}, {"pin", "密码"}, {"statement", "月结单"},
            {"limit", "限额"}, {"fee", "手续费"}, {"fees", "手续费"}, {"charge", "收费"}, {"charges", "收费"},
            {"loan", "贷款"}, {"mortgage", "按揭"}, {"rate", "汇率"}, {"deposit", "存款"}, {"cancel", "取消"},
            {"apply", "申请"}, {"appointment", "预约"}, {"book", "预约"}, {"branch", "分行"}, {"login", "登录"},
            {"otp", "验证码"}, {"sms", "短信"}, {"online", "网上"}, {"cash", "现金"}, {"withdraw", "提款"},
            {"atm", "柜员机"}, {"insurance", "保险"}, {"fund", "基金"}, {"funds", "基金"}, {"stock", "股票"},
            {"stocks", "股票"}, {"report", "报告"}, {"lost", "丢失"}, {"open", "开"}, {"close", "关"},
            {"activate", "启动"}, {"address", "地址"}, {"phone", "手机"}, {"email", "电邮"}, {"update", "更新"},
            {"fraud", "诈骗"}, {"scam", "诈骗"}, {"scammer", "骗子"}, {"hotline", "热线"}, {"remit", "汇款"},
            {"remittance", "汇款"}, {"overseas", "海外"}, {"upgrade", "升级"}, {"visa", "签证"}, {"rmb", "人民币"},
            {"hkd", "港币"}, {"usd", "美元"}, {"fps", "转数快"}, {"cheque", "支票"}, {"points", "积分"},
            {"miles", "里数"}, {"token", "保安编码"}, {"error", "错误"}, {"crash", "闪退"}, {"app", "App"},
            {"salary", "薪金"}, {"payroll", "出粮"}, {"joint", "联名"}, {"premier", "尊尚"}, {"vip", "VIP"},
    };
    private static final Map<String, String> MAP = new LinkedHashMap<>();
    private static final Pattern WORDS;

    static {
        StringBuilder alt = new StringBuilder();
        Arrays.stream(TERMS).sorted((a, b) -> b[0].length() - a[0].length()).forEach(t -> {
            MAP.put(t[0], t[1]);
            if (alt.length() > 0) {
                alt.append('|');
            }
            alt.append(Pattern.quote(t[0]));
        });
        WORDS = Pattern.compile("(?<![A-Za-z])(" + alt + ")(?![A-Za-z])", Pattern.CASE_INSENSITIVE);
    }

    private CodeMixGlossary() {
    }

    public static String toChinese(String text) {
        Matcher m = WORDS.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(MAP.get(m.group(1).toLowerCase(Locale.ROOT))));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}

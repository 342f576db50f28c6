package io.contactcenter.messaging.sms;

import java.util.ArrayList;
import java.util.List;

/**
 * The length rules of SMS. A provider message carries at most a configured number of characters (Twilio: 1,600) and the
 * network splits it into segments that the phone joins again: 160 GSM-7 characters alone or 153 per part, 70 UCS-2
 * characters (any character outside GSM-7, e.g. Persian or an emoji) alone or 67 per part. A text longer than one
 * provider message is split here at word boundaries into numbered parts, so the customer can read them in order.
 */
public final class SmsText {

    /** GSM 03.38 basic set plus the extension table (which costs two septets each). */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENDED = "^{}\\[~]|€\f";

    private SmsText() {
    }

    /** Whether every character fits the GSM-7 alphabet (otherwise the whole message goes as UCS-2). */
    public static boolean gsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENDED.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** How many network segments the text costs. */
    public static int segments(String text) {
        if (text.isEmpty()) {
            return 1;
        }
        if (gsm7(text)) {
            int septets = 0;
            for (int i = 0; i < text.length(); i++) {
                septets += GSM_EXTENDED.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            }
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        int units = text.length(); // UTF-16 code units, as UCS-2 counts them
        return units <= 70 ? 1 : (units + 66) / 67;
    }

    /**
     * The provider messages for {@code text}: itself if it fits in {@code max} characters, else parts of at most
     * {@code max} characters each, cut at whitespace where possible and ending in " (i/n)".
     */
    public static List<String> split(String text, int max) {
        if (text.length() <= max) {
            return List.of(text);
        }
        // the suffix grows with the number of parts: guess it, and try again with room for one more digit if needed
        for (int digits = 1; digits <= 4; digits++) {
            int room = max - (" (" + "9".repeat(digits) + "/" + "9".repeat(digits) + ")").length();
            List<String> parts = cut(text.strip(), room);
            if (String.valueOf(parts.size()).length() <= digits) {
                List<String> numbered = new ArrayList<>(parts.size());
                for (int i = 0; i < parts.size(); i++) {
                    numbered.add(parts.get(i) + " (" + (i + 1) + "/" + parts.size() + ")");
                }
                return numbered;
            }
        }
        throw new IllegalArgumentException("text too long to split into SMS parts: " + text.length() + " characters");
    }

    private static List<String> cut(String text, int room) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + room);
            if (end < text.length()) {
                int space = text.lastIndexOf(' ', end);
                if (space > start + room / 2) {
                    end = space; // a word boundary not too far back
                } else if (Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--; // never cut a character in half
                }
            }
            parts.add(text.substring(start, end).strip());
            start = end;
            while (start < text.length() && text.charAt(start) == ' ') {
                start++;
            }
        }
        return parts;
    }
}

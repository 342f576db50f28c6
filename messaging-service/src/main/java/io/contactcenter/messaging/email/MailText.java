package io.contactcenter.messaging.email;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of an e-mail a conversation keeps: the new text of a reply, and the Message-IDs that thread it. */
public final class MailText {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(On .{1,200} wrote:|Am .{1,200} schrieb .{1,200}:|-{2,} ?Original Message ?-{2,}|From: .+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private MailText() {
    }

    /**
     * What the customer wrote this time: the text above the quoted earlier mail ("On … wrote:", "-----Original
     * Message-----", or lines quoted with "&gt;"). A mail that is only a quote is kept whole.
     */
    public static String newPart(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> kept = new ArrayList<>();
        for (String line : normalized.split("\n", -1)) {
            String t = line.strip();
            if (QUOTE_HEADER.matcher(t).matches() || t.startsWith(">")) {
                break;
            }
            kept.add(line);
        }
        String out = String.join("\n", kept).strip();
        return out.isEmpty() ? normalized.strip() : out;
    }

    /** Plain text from HTML, for a mail that has no text part. */
    public static String fromHtml(String html) {
        String text = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>", "\n\n");
        text = TAG.matcher(text).replaceAll("");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    /** The Message-IDs in In-Reply-To and References headers, nearest first, each once. */
    public static List<String> references(String inReplyTo, String references) {
        Set<String> ids = new LinkedHashSet<>();
        String[] headers = {inReplyTo, references};
        for (int h = 0; h < headers.length; h++) {
            String header = headers[h];
            if (header == null) {
                continue;
            }
            List<String> found = new ArrayList<>();
            Matcher m = MESSAGE_ID.matcher(header);
            while (m.find()) {
                found.add(m.group());
            }
            // References lists the oldest first: the nearest is the last
            if (h == 1) {
                java.util.Collections.reverse(found);
            }
            ids.addAll(found);
        }
        return List.copyOf(ids);
    }
}

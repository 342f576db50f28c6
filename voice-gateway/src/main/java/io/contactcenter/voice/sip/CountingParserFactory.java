package io.contactcenter.voice.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stack's own message parser, counting what it cannot read: such messages are answered 400 (or dropped when not
 * even a request line survives) by the stack before any listener sees them, so this is the one place to count them.
 */
public final class CountingParserFactory implements MessageParserFactory {

    private final AtomicLong malformed = new AtomicLong();

    long malformed() {
        return malformed.get();
    }

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        StringMsgParser parser = new StringMsgParser();
        return new MessageParser() {
            @Override
            public SIPMessage parseSIPMessage(byte[] message, boolean readBody, boolean strict, ParseExceptionListener listener)
                    throws ParseException {
                try {
                    return parser.parseSIPMessage(message, readBody, strict, listener);
                } catch (ParseException | RuntimeException e) {
                    malformed.incrementAndGet();
                    throw e;
                }
            }
        };
    }
}

package io.contactcenter.events.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** E.164 normalisation with libphonenumber: every service stores and compares numbers in one form. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * Parses {@code raw} (international, or national for {@code defaultRegion}) and returns it as E.164.
     *
     * @throws IllegalArgumentException with a message a caller can act on, if it is not a valid number
     */
    public static String toE164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("phone number is empty");
        }
        try {
            PhoneNumber number = UTIL.parse(raw, defaultRegion);
            if (!UTIL.isValidNumber(number)) {
                throw new IllegalArgumentException("'" + raw + "' is not a valid phone number"
                        + (defaultRegion == null ? " (use E.164, e.g. +4930123456)" : " for region " + defaultRegion));
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a phone number: " + e.getMessage()
                    + " (use E.164, e.g. +4930123456)", e);
        }
    }

    /** Strict: accepts only a number already written in E.164 form. */
    public static String requireE164(String raw) {
        String normalised = toE164(raw, null);
        if (!normalised.equals(raw)) {
            throw new IllegalArgumentException("'" + raw + "' is not in E.164 form; did you mean " + normalised + "?");
        }
        return normalised;
    }
}

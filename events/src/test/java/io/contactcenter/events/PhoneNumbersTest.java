package io.contactcenter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.contactcenter.events.phone.PhoneNumbers;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void normalisesNationalNumbersWithRegionToE164() {
        assertThat(PhoneNumbers.toE164("030 1234567", "DE")).isEqualTo("+49301234567");
        assertThat(PhoneNumbers.toE164("(415) 555-2671", "US")).isEqualTo("+14155552671");
    }

    @Test
    void rejectsNumbersThatCannotExist() {
        assertThatThrownBy(() -> PhoneNumbers.toE164("+1 555", null)).hasMessageContaining("not a valid phone number");
        assertThatThrownBy(() -> PhoneNumbers.toE164("hello", null)).hasMessageContaining("E.164");
    }

    @Test
    void strictModeSuggestsTheE164Form() {
        assertThatThrownBy(() -> PhoneNumbers.requireE164("+49 30 1234567")).hasMessageContaining("+49301234567");
        assertThat(PhoneNumbers.requireE164("+49301234567")).isEqualTo("+49301234567");
    }
}

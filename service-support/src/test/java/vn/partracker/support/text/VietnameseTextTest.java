package vn.partracker.support.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTest {

    @ParameterizedTest
    @CsvSource({
        "Sở Nội vụ, so noi vu",
        "Văn phòng UBND tỉnh, van phong ubnd tinh",
        "UBND huyện Đăk Hà, ubnd huyen dak ha",
        "Trung tâm Phục vụ hành chính công, trung tam phuc vu hanh chinh cong",
        "Sở Kế hoạch và Đầu tư, so ke hoach va dau tu",
        "'  Quý   IV  năm 2022 ', quy iv nam 2022",
        "Ủy ban nhân dân tỉnh Kon Tum, uy ban nhan dan tinh kon tum",
        "Ia H'Drai, ia h'drai"
    })
    void foldsAccentsCaseAndSpacing(String text, String folded) {
        assertEquals(folded, VietnameseText.fold(text));
    }

    @Test
    void decomposedInputFoldsLikeComposedInput() {
        String nfd = Normalizer.normalize("Sở Tư pháp", Normalizer.Form.NFD);
        assertEquals("so tu phap", VietnameseText.fold(nfd));
    }

    @Test
    void searchIgnoresAccentsOnBothSides() {
        assertTrue(VietnameseText.containsFolded("Sở Nội vụ tỉnh Kon Tum", "so noi vu"));
        assertTrue(VietnameseText.containsFolded("So Noi vu", "Sở Nội Vụ"));
        assertFalse(VietnameseText.containsFolded("Sở Tư pháp", "noi vu"));
        assertFalse(VietnameseText.containsFolded(null, "x"));
        assertNull(VietnameseText.fold(null));
    }
}

package io.contactcenter.crm;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.contactcenter.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CrmStack
class CustomerImportTest {

    private static final String ADMIN = Tokens.bearer("admin");

    @Test
    void importsTheGoodRowsAndReportsEveryBadOneByLine() {
        var existing = CrmFixtures.customer("STANDARD");
        String a = CrmFixtures.phone();
        String b = CrmFixtures.phone();
        String c = CrmFixtures.phone();
        String d = CrmFixtures.phone();
        String csv = """
                displayName,email,segment,phones,region,doNotCall,carBrand,tyreBrand
                Grace Hopper,grace@example.org,VIP,%s,DE,true,Volvo,Nokian
                "Hopper, Junior",,standard,030 %s;%s,DE,,,
                No Phone,,NEW,,DE,,,
                Bad Segment,,GOLDEN,%s,DE,,,
                Bad Email,not-an-email,NEW,%s,DE,,,
                Taken,,NEW,%s,DE,,,
                Twice,,NEW,%s,DE,,,
                Bad Flag,,NEW,%s,DE,maybe,,
                """.formatted(a, b.substring(5), c, d, CrmFixtures.phone(), existing.phone(), a, CrmFixtures.phone());
        given().header("Authorization", ADMIN).contentType("text/csv").body(csv)
                .when().post("/crm/customers/import")
                .then().statusCode(200)
                .body("rows", equalTo(8))
                .body("imported", equalTo(2))
                .body("rejected", equalTo(6))
                .body("errors.line", contains(4, 5, 6, 7, 8, 9))
                .body("errors[0].reasons[0]", containsString("phones"))
                .body("errors[1].reasons[0]", containsString("GOLDEN"))
                .body("errors[2].reasons", hasItem(containsString("email")))
                .body("errors[3].reasons[0]", containsString("another customer"))
                .body("errors[4].reasons[0]", containsString("earlier row"))
                .body("errors[5].reasons[0]", containsString("maybe"));
        given().header("Authorization", ADMIN).queryParam("phone", a).when().get("/crm/customers/lookup")
                .then().statusCode(200)
                .body("customer.displayName", equalTo("Grace Hopper"))
                .body("customer.consents.doNotCall", equalTo(true))
                .body("customer.attributes.carBrand", equalTo("Volvo"))
                .body("customer.attributes.tyreBrand", equalTo("Nokian"));
        given().header("Authorization", ADMIN).queryParam("phone", c).when().get("/crm/customers/lookup")
                .then().statusCode(200)
                .body("customer.displayName", equalTo("Hopper, Junior"))
                .body("customer.segment", equalTo("STANDARD"))
                .body("customer.phones", containsInAnyOrder(b, c));
        given().header("Authorization", ADMIN).queryParam("phone", d).when().get("/crm/customers/lookup")
                .then().statusCode(404);
    }

    @Test
    void onlySupervisorsAdminsAndServicesImport() {
        given().header("Authorization", Tokens.bearer("agent")).contentType("text/csv").body("displayName,segment,phones\n")
                .when().post("/crm/customers/import")
                .then().statusCode(403);
        given().contentType("text/csv").body("displayName,segment,phones\n")
                .when().post("/crm/customers/import")
                .then().statusCode(401);
    }

    @Test
    void aFileWithoutTheRequiredColumnsImportsNothing() {
        String phone = CrmFixtures.phone();
        given().header("Authorization", ADMIN).contentType("text/csv").body("name,phone\nX,%s\n".formatted(phone))
                .when().post("/crm/customers/import")
                .then().statusCode(400)
                .body("detail", containsString("displayName"));
        given().header("Authorization", ADMIN).queryParam("phone", phone).when().get("/crm/customers/lookup")
                .then().statusCode(404);
    }
}

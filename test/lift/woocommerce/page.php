<?php
/**
 * The order-received page of a WooCommerce shop, as far as the order hook sees it: the few
 * WordPress and WooCommerce functions it calls, behaving as upstream's do, and the stored order
 * read from a JSON file (argv[1]). Prints what wp_footer prints.
 *
 * Modelled on woocommerce/woocommerce (plugins/woocommerce/):
 * - includes/wc-order-functions.php: wc_get_order() returns the WC_Order, or false for an unknown id.
 * - includes/abstracts/abstract-wc-order.php: get_total(), get_shipping_total(), get_shipping_tax()
 *   return the stored decimal strings (get_prop, 'view' context); get_total_fees() sums the fee
 *   items' get_total(); get_items() returns the line items; get_currency().
 * - includes/class-wc-order.php: get_order_key(); get_order_number() is the id as a string through
 *   the woocommerce_order_number filter; has_status() compares get_status().
 * - includes/class-wc-order-item-product.php: get_product(), get_product_id(), get_variation_id()
 *   (0 for a simple product), get_quantity(), get_total() and get_total_tax() of the line (after
 *   coupons).
 * - includes/wc-conditional-functions.php: is_order_received_page(); includes/wc-formatting-functions.php: wc_clean().
 */

$page = json_decode( file_get_contents( $argv[1] ), true );

$GLOBALS['actions'] = array();
function add_action( $hook, $callback ) {
	$GLOBALS['actions'][ $hook ][] = $callback;
}
function do_action( $hook ) {
	foreach ( $GLOBALS['actions'][ $hook ] ?? array() as $callback ) {
		$callback();
	}
}
function is_order_received_page() {
	return (bool) $GLOBALS['page']['orderReceivedPage'];
}
function get_query_var( $name ) {
	return 'order-received' === $name ? (string) $GLOBALS['page']['orderReceived'] : '';
}
function absint( $maybeint ) {
	return abs( (int) $maybeint );
}
function wp_unslash( $value ) {
	return is_array( $value ) ? array_map( 'wp_unslash', $value ) : stripslashes( $value );
}
function wc_clean( $var ) {
	return is_array( $var ) ? array_map( 'wc_clean', $var ) : ( is_scalar( $var ) ? trim( strip_tags( (string) $var ) ) : $var );
}
function esc_url( $url ) {
	return htmlspecialchars( $url, ENT_QUOTES );
}
function esc_attr( $text ) {
	return htmlspecialchars( $text, ENT_QUOTES );
}
function wp_json_encode( $data, $options = 0, $depth = 512 ) {
	return json_encode( $data, $options, $depth );
}

class WC_Product {
	private $sku;
	public function __construct( $sku ) {
		$this->sku = $sku;
	}
	public function get_sku( $context = 'view' ) {
		return $this->sku;
	}
}

class WC_Order_Item_Product {
	private $data;
	public function __construct( $data ) {
		$this->data = $data;
	}
	public function get_product() {
		// A product deleted since the order was placed: false, as wc_get_product() answers.
		return array_key_exists( 'sku', $this->data ) ? new WC_Product( $this->data['sku'] ) : false;
	}
	public function get_product_id( $context = 'view' ) {
		return (int) $this->data['product_id'];
	}
	public function get_variation_id( $context = 'view' ) {
		return (int) ( $this->data['variation_id'] ?? 0 );
	}
	public function get_quantity( $context = 'view' ) {
		return (int) $this->data['quantity'];
	}
	public function get_total( $context = 'view' ) {
		return (string) $this->data['total'];
	}
	public function get_total_tax( $context = 'view' ) {
		return (string) $this->data['total_tax'];
	}
}

class WC_Order_Item_Fee {
	private $total;
	public function __construct( $total ) {
		$this->total = $total;
	}
	public function get_total( $context = 'view' ) {
		return (string) $this->total;
	}
}

class WC_Order {
	private $data;
	public function __construct( $data ) {
		$this->data = $data;
	}
	public function get_id() {
		return (int) $this->data['id'];
	}
	public function get_order_key( $context = 'view' ) {
		return $this->data['order_key'];
	}
	public function get_order_number() {
		// What a sequential-numbers plugin returns through the woocommerce_order_number filter.
		return (string) ( $this->data['number'] ?? $this->get_id() );
	}
	public function get_status( $context = 'view' ) {
		return $this->data['status'];
	}
	public function has_status( $status ) {
		return ( is_array( $status ) && in_array( $this->get_status(), $status, true ) ) || $this->get_status() === $status;
	}
	public function get_currency( $context = 'view' ) {
		return $this->data['currency'];
	}
	public function get_total( $context = 'view' ) {
		return (string) $this->data['total'];
	}
	public function get_shipping_total( $context = 'view' ) {
		return (string) $this->data['shipping_total'];
	}
	public function get_shipping_tax( $context = 'view' ) {
		return (string) $this->data['shipping_tax'];
	}
	public function get_fees() {
		return array_map( fn( $t ) => new WC_Order_Item_Fee( $t ), $this->data['fees'] ?? array() );
	}
	public function get_total_fees() {
		return array_reduce( $this->get_fees(), fn( $carry, $item ) => $carry + (float) $item->get_total(), 0.0 );
	}
	public function get_items( $types = 'line_item' ) {
		return array_map( fn( $i ) => new WC_Order_Item_Product( $i ), $this->data['items'] );
	}
	public function get_billing_email( $context = 'view' ) {
		return $this->data['billing_email'] ?? '';
	}
}

function wc_get_order( $the_order = false ) {
	$o = $GLOBALS['page']['order'];
	return $o && (int) $o['id'] === (int) $the_order ? new WC_Order( $o ) : false;
}

$_GET['key'] = $page['key'];
require __DIR__ . '/../../../hooks/woocommerce/cart-upsell-order.php';
do_action( 'wp_footer' );

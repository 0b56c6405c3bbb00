<?php
/**
 * cart-upsell — order event for WooCommerce.
 *
 * Add with the "Code Snippets" plugin (or to a child theme's functions.php) and set the two
 * addresses below. On the order-received page ("Thank you") it loads the widget and calls
 * CartUpsell.trackOrder once; the widget sends the order with its usual delivery guarantees and
 * the same visitor id it used on the cart page. Works with the classic and the block checkout
 * (it prints in wp_footer rather than inside the thank-you template, whose block version filters
 * scripts out). Sent: order number, amounts, SKUs and product ids — no name, address or e-mail.
 */
add_action( 'wp_footer', function () {
	$script = 'https://your-shop.example.jp/cart-upsell.js'; // the widget
	$config = '/cart-upsell.json';                           // your config (with events.endpoint)

	if ( ! function_exists( 'is_order_received_page' ) || ! is_order_received_page() ) {
		return;
	}
	$order = wc_get_order( absint( get_query_var( 'order-received' ) ) );
	// The check WooCommerce itself makes before showing an order: the key in the address.
	$key = isset( $_GET['key'] ) ? wc_clean( wp_unslash( $_GET['key'] ) ) : '';
	if ( ! $order || ! hash_equals( $order->get_order_key(), $key ) || $order->has_status( 'failed' ) ) {
		return;
	}
	// Amounts in minor units, as the widget counts them (src/util/currency.ts; a test holds the two
	// equal): yen as they are, cents for dollars, fils for dinars.
	$digits = array( 'BIF' => 0, 'CLP' => 0, 'DJF' => 0, 'GNF' => 0, 'ISK' => 0, 'JPY' => 0, 'KMF' => 0, 'KRW' => 0, 'PYG' => 0, 'RWF' => 0, 'UGX' => 0, 'UYI' => 0, 'VND' => 0, 'VUV' => 0, 'XAF' => 0, 'XOF' => 0, 'XPF' => 0, 'BHD' => 3, 'IQD' => 3, 'JOD' => 3, 'KWD' => 3, 'LYD' => 3, 'OMR' => 3, 'TND' => 3, 'CLF' => 4, 'UYW' => 4 );
	$scale  = 10 ** ( isset( $digits[ $order->get_currency() ] ) ? $digits[ $order->get_currency() ] : 2 );
	$minor  = function ( $amount ) use ( $scale ) {
		return max( 0, (int) round( (float) $amount * $scale ) );
	};
	$items = array();
	foreach ( $order->get_items() as $item ) {
		$product  = $item->get_product();
		$quantity = max( 1, (int) $item->get_quantity() );
		$items[]  = array(
			'sku'      => $product ? (string) $product->get_sku() : '',
			'id'       => (string) ( $item->get_variation_id() ? $item->get_variation_id() : $item->get_product_id() ),
			'quantity' => $quantity,
			// What the shopper paid per item, after coupons, tax included (総額).
			'price'    => $minor( ( (float) $item->get_total() + (float) $item->get_total_tax() ) / $quantity ),
		);
	}
	// Goods after discounts, before shipping and fees: the cart's subtotal as the widget reads it.
	$goods = (float) $order->get_total() - (float) $order->get_shipping_total() - (float) $order->get_shipping_tax() - (float) $order->get_total_fees();
	$data  = array(
		'orderId'  => (string) $order->get_order_number(),
		'total'    => $minor( $goods ),
		'currency' => $order->get_currency(),
		'items'    => $items,
	);
	?>
<script src="<?php echo esc_url( $script ); ?>" data-config="<?php echo esc_attr( $config ); ?>"></script>
<script>window.CartUpsell && CartUpsell.trackOrder(<?php echo wp_json_encode( $data, JSON_HEX_TAG | JSON_HEX_AMP ); ?>);</script>
	<?php
} );
